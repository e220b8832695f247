using Azure.Storage.Blobs;
using Microsoft.Azure.WebJobs;
using Pipeline.Core.Ingestion.Sources;

namespace Pipeline.LocalHost.Hosting;

/// <summary>
/// The local host's blob trigger: every new or overwritten blob in the articles container is ingested once.
/// </summary>
/// <remarks>
/// The SDK keys its blob receipts by this method's full name (namespace, class and method). Renaming any of them
/// makes every blob look new after the next start, and all of them are ingested again.
/// </remarks>
public sealed class ArticleBlobTrigger(SourceBlobIngestor ingestor, TriggerActivity activity)
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
        // A graceful stop lets the blob in hand finish instead of cancelling it: a cancelled try can leave the article
        // saved but not indexed, and the SDK hands the blob out again only when its queue message's visibility timeout
        // (about 10 minutes) has passed. One blob takes milliseconds to seconds, well within the host's stop timeout.
        using var running = activity.Begin();
        await ingestor.IngestAsync(blob.Name, CancellationToken.None);
    }
}
