using Azure.Storage.Blobs;
using Microsoft.Azure.WebJobs;
using Pipeline.Core.Ingestion.Resilience;
using Pipeline.Core.Ingestion.Sources;

namespace Pipeline.LocalHost.Hosting;

/// <summary>
/// The local host's blob trigger: every new or overwritten blob in the articles container is ingested once.
/// </summary>
/// <remarks>
/// The SDK keys its blob receipts by this method's full name (namespace, class and method). Renaming any of them
/// makes every blob look new after the next start, and all of them are ingested again.
/// </remarks>
public sealed class ArticleBlobTrigger(SourceBlobIngestor ingestor, TriggerActivity activity, IngestStopSignal stop)
{
    public async Task RunAsync(
        // No Connection: the SDK resolves a %placeholder% there when it lists blobs but not when it binds them, so the
        // trigger uses AzureWebJobsStorage, which LocalConfiguration points at the pipeline's storage.
        [BlobTrigger("%" + LocalHostNameResolver.ArticlesContainer + "%/{name}")]
        BlobClient blob,
        CancellationToken cancellationToken)
    {
        // Rejections are recorded and logged by the ingestor. A try that fails on a transient fault throws, so the SDK
        // delivers the blob again, until the ingestor parks it (Pipeline:Ingest:MaxAttempts) and returns.
        // Not the SDK's token, which is cancelled the moment the host stops: a stop lets the blob in hand finish for a
        // grace period (IngestStopSignal), then abandons it, uncounted and without a receipt, to the next start's scan.
        using var running = activity.Begin();
        await ingestor.IngestAsync(blob.Name, stop.Token);
    }
}
