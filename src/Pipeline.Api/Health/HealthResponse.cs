using System.Text.Json.Serialization;

namespace Pipeline.Api;

/// <summary>The body of <c>GET /api/health</c>: 200 when storage and the index both answer, 503 otherwise.</summary>
public sealed record HealthResponse(string Status, long? Articles, HealthCheck Storage, HealthCheck Index)
{
    public const string Healthy = "healthy";

    public const string Unhealthy = "unhealthy";
}

/// <summary>Whether one dependency answered the probe, and why not when it did not.</summary>
public sealed record HealthCheck(string Status, string? Reason = null)
{
    public const string Up = "up";

    public const string Down = "down";

    public static HealthCheck Answered { get; } = new(Up);

    public static HealthCheck Failed(string reason) => new(Down, reason);

    [JsonIgnore]
    public bool IsUp => Status == Up;
}
