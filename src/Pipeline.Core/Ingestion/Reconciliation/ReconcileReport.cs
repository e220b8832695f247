namespace Pipeline.Core.Ingestion.Reconciliation;

/// <summary>The totals of one reconcile pass.</summary>
/// <param name="SourceBlobs">Blobs in the articles container.</param>
/// <param name="RemovedArticles">Articles removed from the index and the store because their blob is gone.</param>
/// <param name="ClearedRejections">Rejection records cleared because their blob is gone.</param>
/// <param name="IndexAvailable">Whether the index answered; parked blobs are re-driven only when it does.</param>
/// <param name="Redriven">Parked (or stuck) blobs re-driven.</param>
/// <param name="RedriveResolved">Of those, how many are indexed now.</param>
/// <param name="IngestedMissing">Blobs with neither article nor record (a trigger missed them) ingested by the pass.</param>
public sealed record ReconcileReport(
    int SourceBlobs,
    int RemovedArticles,
    int ClearedRejections,
    bool IndexAvailable,
    int Redriven,
    int RedriveResolved,
    int IngestedMissing);
