using Azure.Storage.Blobs;
using Pipeline.Core.Ingestion;
using Pipeline.Storage;

namespace Pipeline.Hosting.Ingestion;

/// <summary>
/// The one call a blob trigger makes, in the Functions app and the local host alike: read the blob, ingest it.
/// </summary>
public sealed class BlobIngestHandler(ArticleIngestor ingestor)
{
    public async Task<IngestResult> IngestAsync(BlobClient blob, CancellationToken cancellationToken = default)
    {
        var source = await BlobSourceReader.ReadAsync(blob, cancellationToken);
        return await ingestor.IngestAsync(source, cancellationToken);
    }
}
