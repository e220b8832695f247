using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Pipeline.Core.Telemetry;

/// <summary>
/// The query side's instruments, on the <see cref="PipelineTelemetry.SearchName"/> meter, and the spans of API
/// requests on the <see cref="PipelineTelemetry.SearchName"/> activity source.
/// </summary>
public static class SearchMetrics
{
    private static long _documentCount = -1;

    private static readonly Histogram<double> QueryDuration = PipelineTelemetry.SearchMeter.CreateHistogram<double>(
        "pipeline.query.duration", "s", "Time to answer one API request, by operation and outcome.");

    // Observed, not counted: the index is shared by every instance, so only the index itself knows the total.
    internal static ObservableGauge<long> DocumentCount { get; } = PipelineTelemetry.SearchMeter.CreateObservableGauge(
        "pipeline.index.documents",
        ObserveDocumentCount,
        "{document}",
        "Documents in the index, as last counted by the health probe.");

    /// <summary>Records the index's document count as a probe just counted it.</summary>
    public static void ReportDocumentCount(long count) => Interlocked.Exchange(ref _documentCount, count);

    /// <summary>Starts the span of one API request (<paramref name="operation"/>: <c>search</c>, <c>article</c>, ...).</summary>
    public static Activity? StartRequest(string operation, string? articleId)
    {
        var activity = PipelineTelemetry.SearchSource.StartActivity(operation, ActivityKind.Internal);
        if (activity is not null && articleId is not null)
        {
            activity.SetTag(TelemetryTags.ArticleId, articleId);
        }

        return activity;
    }

    /// <summary>Ends a request: its outcome on the span and its duration on the histogram.</summary>
    public static void RecordRequest(Activity? activity, string operation, string outcome, int statusCode, TimeSpan elapsed)
    {
        if (activity is not null)
        {
            activity.SetTag(TelemetryTags.Outcome, outcome);
            activity.SetTag(TelemetryTags.HttpStatusCode, statusCode);
            if (statusCode >= 500)
            {
                activity.SetStatus(ActivityStatusCode.Error, outcome);
            }
        }

        QueryDuration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>(TelemetryTags.Operation, operation),
            new KeyValuePair<string, object?>(TelemetryTags.Outcome, outcome));
    }

    private static IEnumerable<Measurement<long>> ObserveDocumentCount()
    {
        var count = Interlocked.Read(ref _documentCount);
        return count < 0 ? [] : [new Measurement<long>(count)];
    }
}
