using Microsoft.Azure.Functions.Worker;
using Pipeline.Core.Ingestion.Reconciliation;

namespace Pipeline.Functions.Ingestion;

/// <summary>
/// The safety net behind the triggers: removes articles whose blob is gone (a delete event that was lost), re-drives
/// blobs parked while search was down once it answers again, and ingests blobs no trigger took up.
/// </summary>
public sealed class ReconcileArticlesFunction(ArticleReconciler reconciler)
{
    public const string Name = "ReconcileArticles";

    /// <summary>
    /// NCRONTAB schedule from the <c>Pipeline__Ingest__ReconcileSchedule</c> app setting (every 15 minutes as
    /// deployed: <c>0 */15 * * * *</c>), resolved by the host as a binding expression. The timer is a singleton across
    /// instances, so passes never overlap.
    /// </summary>
    public const string Schedule = "%" + ScheduleSetting + "%";

    /// <summary>The configuration key (app setting <c>Pipeline__Ingest__ReconcileSchedule</c>).</summary>
    public const string ScheduleSetting = "Pipeline:Ingest:ReconcileSchedule";

    [Function(Name)]
    public Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        reconciler.ReconcileAsync(cancellationToken);
}
