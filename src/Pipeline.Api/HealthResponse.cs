namespace Pipeline.Api;

/// <summary>The body of <c>GET /api/health</c>.</summary>
public sealed record HealthResponse(string Status, long Articles);
