using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ingestion.Sources;

namespace Pipeline.Functions.Ingestion;

/// <summary>Ingests every blob uploaded to <c>articles</c>: normalize, store <c>normalized/{id}.json</c>, index.</summary>
public sealed class IngestArticleFunction(SourceBlobIngestor ingestor, ILogger<IngestArticleFunction> logger)
{
    public const string Name = "IngestArticle";

    // Flex Consumption only delivers blob triggers through Event Grid, so that is the deployed source. Azurite emits no
    // Event Grid events: build with -p:BlobTriggerPolling=true to poll instead when running under `func start`.
    [Function(Name)]
    public async Task RunAsync(
#if BLOB_TRIGGER_POLLING
        [BlobTrigger("articles/{name}", Connection = "AzureWebJobsStorage")] BlobClient blob,
#else
        [BlobTrigger("articles/{name}", Source = BlobTriggerSource.EventGrid, Connection = "AzureWebJobsStorage")] BlobClient blob,
#endif
        string name,
        CancellationToken cancellationToken)
    {
        // The ingestor reads the blob itself, so the size limit is checked before anything is downloaded. A transient
        // failure with tries left throws, so the host delivers the blob again; after the last try it is parked.
        var result = await ingestor.IngestAsync(blob.Name, cancellationToken);
        if (result.Outcome is not IngestOutcome.Indexed)
        {
            logger.LogWarning("Blob {BlobName}: {Outcome} {Message}", name, result.Outcome, result.Message);
        }
    }
}
