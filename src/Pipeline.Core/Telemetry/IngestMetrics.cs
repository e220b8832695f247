using System.Diagnostics.Metrics;

namespace Pipeline.Core.Telemetry;

/// <summary>The ingest path's instruments, on the <see cref="PipelineTelemetry.IngestName"/> meter.</summary>
internal static class IngestMetrics
{
    public static Counter<long> ArticlesIndexed { get; } = PipelineTelemetry.IngestMeter.CreateCounter<long>(
        "pipeline.articles.indexed", "{article}", "Articles written to the index (unchanged re-uploads are not counted).");

    public static Counter<long> Rejected { get; } = PipelineTelemetry.IngestMeter.CreateCounter<long>(
        "pipeline.articles.rejected", "{source}", "Sources recorded as rejected, by reason (parked included).");

    public static Counter<long> Retried { get; } = PipelineTelemetry.IngestMeter.CreateCounter<long>(
        "pipeline.ingest.retries", "{retry}", "Storage and index calls retried on transient faults, and whole tries left to be delivered again.");

    public static Histogram<double> Duration { get; } = PipelineTelemetry.IngestMeter.CreateHistogram<double>(
        "pipeline.ingest.duration", "s", "Time to ingest one source blob, by outcome.");

    public static void RecordRejected(string reason) => Rejected.Add(1, new KeyValuePair<string, object?>(TelemetryTags.RejectionReason, reason));

    public static void RecordRetry(string operation) => Retried.Add(1, new KeyValuePair<string, object?>(TelemetryTags.Operation, operation));

    public static void RecordIndexed() => ArticlesIndexed.Add(1);
}
