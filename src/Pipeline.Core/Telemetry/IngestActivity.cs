using System.Diagnostics;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ingestion.Resilience;

namespace Pipeline.Core.Telemetry;

/// <summary>
/// The root span of one ingest and its duration metric. Started by whichever entry point is reached first
/// (<see cref="Ingestion.Sources.SourceBlobIngestor"/> by blob name, or <see cref="ArticleIngestor"/> with content in
/// hand), so every path into ingest is traced once, however a host calls it.
/// </summary>
internal sealed class IngestActivity : IDisposable
{
    public const string OperationName = "ingest";

    private readonly Activity? _activity;
    private readonly long _started = Stopwatch.GetTimestamp();
    private string _outcome = "error";

    private IngestActivity(Activity? activity) => _activity = activity;

    /// <summary>Starts the ingest span for the blob, or returns null when one for it is already current.</summary>
    public static IngestActivity? Start(string blobName)
    {
        if (Activity.Current is { } current
            && current.Source == PipelineTelemetry.IngestSource
            && current.OperationName == OperationName
            && Equals(current.GetTagItem(TelemetryTags.BlobName), blobName))
        {
            return null;
        }

        var activity = PipelineTelemetry.IngestSource.StartActivity(OperationName, ActivityKind.Internal);
        activity?.SetTag(TelemetryTags.BlobName, blobName);
        return new IngestActivity(activity);
    }

    /// <summary>A child span of the current one (download, normalize, write-back, index).</summary>
    public static Activity? StartStep(string name, string? articleId = null)
    {
        var activity = PipelineTelemetry.IngestSource.StartActivity(name, ActivityKind.Internal);
        if (activity is not null && articleId is not null)
        {
            activity.SetTag(TelemetryTags.ArticleId, articleId);
        }

        return activity;
    }

    public void Complete(IngestResult result)
    {
        _outcome = result.Outcome switch
        {
            IngestOutcome.Indexed => "indexed",
            IngestOutcome.Rejected => "rejected",
            IngestOutcome.Parked => "parked",
            IngestOutcome.Superseded => "superseded",
            IngestOutcome.Gone => "gone",
            _ => result.Outcome.ToString(),
        };
        if (_activity is null)
        {
            return;
        }

        if (result.ArticleIds.Count > 0)
        {
            _activity.SetTag(TelemetryTags.ArticleId, string.Join(",", result.ArticleIds));
        }

        if (result.RejectedFor is { } code)
        {
            _activity.SetTag(TelemetryTags.RejectionReason, RejectionReasons.Of(code));
        }

        if (result.Outcome == IngestOutcome.Parked)
        {
            _activity.SetStatus(ActivityStatusCode.Error, result.Message);
        }
    }

    public void Fail(Exception exception)
    {
        // A try that failed on a transient fault is delivered again by the trigger: an outcome of its own.
        _outcome = exception is TransientIngestException ? "retry" : exception is OperationCanceledException ? "canceled" : "error";
        _activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
        _activity?.AddException(exception);
    }

    public void Dispose()
    {
        _activity?.SetTag(TelemetryTags.Outcome, _outcome);
        _activity?.Dispose();
        IngestMetrics.Duration.Record(
            Stopwatch.GetElapsedTime(_started).TotalSeconds, new KeyValuePair<string, object?>(TelemetryTags.Outcome, _outcome));
    }
}
