using Azure.Storage.Blobs;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ingestion.Sources;

namespace Pipeline.Hosting.Ingestion;

/// <summary>
/// The one call a blob trigger makes, in the Functions app and the local host alike: ingest the blob by name. The
/// ingestor reads it itself, so the size limit is checked before anything is downloaded.
/// </summary>
/// <remarks>
/// Throws <see cref="Core.Ingestion.Resilience.TransientIngestException"/> when a try fails on a transient fault and
/// the blob has tries left, so the trigger delivers it again; everything else (rejected, parked) returns normally.
/// </remarks>
public sealed class BlobIngestHandler(SourceBlobIngestor ingestor)
{
    public Task<IngestResult> IngestAsync(BlobClient blob, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blob);
        return ingestor.IngestAsync(blob.Name, cancellationToken);
    }
}
