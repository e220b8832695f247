namespace Pipeline.LocalHost.Telemetry;

/// <summary>
/// Where the local host sends traces and metrics: nowhere by default. <c>Pipeline:Telemetry:Console</c> prints them;
/// the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (and the other <c>OTEL_EXPORTER_OTLP_*</c> settings) sends them
/// to an OpenTelemetry collector, Jaeger, the Aspire dashboard and the like.
/// </summary>
public sealed class LocalTelemetryOptions
{
    public const string SectionName = "Pipeline:Telemetry";

    /// <summary>The standard OpenTelemetry setting the OTLP exporter reads its endpoint from.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Write spans and metrics to the console.</summary>
    public bool Console { get; set; }

    /// <summary>The OTLP endpoint, when one is configured.</summary>
    public string? OtlpEndpoint { get; set; }

    public bool Enabled => Console || !string.IsNullOrWhiteSpace(OtlpEndpoint);

    public static LocalTelemetryOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(SectionName).Get<LocalTelemetryOptions>() ?? new LocalTelemetryOptions();
        options.OtlpEndpoint ??= configuration[OtlpEndpointKey];
        return options;
    }
}
