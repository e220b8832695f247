using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ingestion.Sources;

namespace Pipeline.Functions.Ingestion;

/// <summary>Ingests every blob uploaded to the articles container: normalize, store <c>normalized/{id}.json</c>, index.</summary>
public sealed class IngestArticleFunction(SourceBlobIngestor ingestor, ILogger<IngestArticleFunction> logger)
{
    public const string Name = "IngestArticle";

    /// <summary>
    /// The container comes from the same setting the app's storage options read (<c>Pipeline__Storage__ArticlesContainer</c>),
    /// resolved by the host as a binding expression, so moving the container moves the trigger with it.
    /// </summary>
    public const string BlobPath = "%" + ArticlesContainerSetting + "%/{name}";

    /// <summary>
    /// Binding expressions resolve through the host's configuration, where an app setting <c>A__B</c> is the key
    /// <c>A:B</c>; the double-underscore spelling would not resolve.
    /// </summary>
    public const string ArticlesContainerSetting = "Pipeline:Storage:ArticlesContainer";

    // Flex Consumption only delivers blob triggers through Event Grid, so that is the source everywhere. Locally
    // (Azurite emits no events) post a BlobCreated event to /runtime/webhooks/blobs as test.http does, or let the
    // reconcile timer find new blobs.
    [Function(Name)]
    public async Task RunAsync(
        [BlobTrigger(BlobPath, Source = BlobTriggerSource.EventGrid, Connection = "AzureWebJobsStorage")] BlobClient blob,
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
