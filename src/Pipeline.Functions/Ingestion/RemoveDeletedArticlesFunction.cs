using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Core.Ingestion.Sources;
using Pipeline.Storage;

namespace Pipeline.Functions.Ingestion;

/// <summary>
/// Removes the articles of deleted blobs. Blob triggers never fire on deletes, so Event Grid delivers
/// <c>Microsoft.Storage.BlobDeleted</c> events for the articles container to the <see cref="QueueName"/> storage queue
/// (infra/app/article-deletes.bicep), and this function takes them from there: a failed removal is retried by the
/// queue and, after five tries, kept in <c>article-deletes-poison</c> rather than lost. The reconcile timer catches
/// whatever still slips through.
/// </summary>
public sealed partial class RemoveDeletedArticlesFunction(
    SourceBlobIngestor ingestor,
    IOptions<BlobStorageOptions> storage,
    ILogger<RemoveDeletedArticlesFunction> logger)
{
    public const string Name = "RemoveDeletedArticles";

    /// <summary>The queue Event Grid writes delete events to; also created by the storage account template.</summary>
    public const string QueueName = "article-deletes";

    [Function(Name)]
    public async Task RunAsync(
        [QueueTrigger(QueueName, Connection = "AzureWebJobsStorage")] string message,
        CancellationToken cancellationToken)
    {
        foreach (var blobName in BlobDeletedEvents.DeletedBlobNames(message, storage.Value.ArticlesContainer))
        {
            var removed = await ingestor.RemoveIfGoneAsync(blobName, cancellationToken);
            LogHandled(blobName, removed.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Blob {BlobName} deleted: {Count} article(s) removed")]
    private partial void LogHandled(string blobName, int count);
}
