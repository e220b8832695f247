using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Pipeline.Core.Telemetry;

/// <summary>
/// The names under which the pipeline emits traces and metrics, for hosts to register with OpenTelemetry
/// (<c>AddSource</c>, <c>AddMeter</c>). Core emits through <see cref="ActivitySource"/> and <see cref="Meter"/> only,
/// so it depends on no telemetry SDK: nothing is recorded or exported unless a host listens.
/// </summary>
public static class PipelineTelemetry
{
    /// <summary>Spans and metrics of the ingest path: download, normalize, write-back, index.</summary>
    public const string IngestName = "Pipeline.Ingest";

    /// <summary>Spans and metrics of the API: one span per request, query duration, index document count.</summary>
    public const string SearchName = "Pipeline.Search";

    /// <summary>Every activity source and meter name the pipeline uses.</summary>
    public static IReadOnlyList<string> Names { get; } = [IngestName, SearchName];

    private static readonly string? Version = typeof(PipelineTelemetry).Assembly.GetName().Version?.ToString();

    internal static ActivitySource IngestSource { get; } = new(IngestName, Version);

    internal static ActivitySource SearchSource { get; } = new(SearchName, Version);

    internal static Meter IngestMeter { get; } = new(IngestName, Version);

    internal static Meter SearchMeter { get; } = new(SearchName, Version);
}
