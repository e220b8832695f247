using System.Runtime.CompilerServices;
using Pipeline.Core.Ingestion;

namespace Pipeline.Storage;

/// <summary>
/// Records inputs that did not become articles as <c>rejected/{blob name}.json</c>, next to nothing else:
/// the original blob stays where it was uploaded, so a fix can re-drive it.
/// </summary>
public sealed class BlobRejectionStore(BlobContainers containers) : IRejectionStore
{
    private const string Extension = ".json";

    public async Task RecordAsync(Rejection rejection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        await JsonBlob.UploadAsync(containers.Rejected.GetBlobClient(BlobNameOf(rejection.BlobName)), rejection, cancellationToken);
    }

    public Task<Rejection?> GetAsync(string blobName, CancellationToken cancellationToken = default) =>
        JsonBlob.DownloadAsync<Rejection>(containers.Rejected.GetBlobClient(BlobNameOf(blobName)), cancellationToken);

    public async IAsyncEnumerable<Rejection> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in containers.Rejected.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            // Read one by one: a record cleared meanwhile is simply skipped.
            if (await JsonBlob.DownloadAsync<Rejection>(containers.Rejected.GetBlobClient(item.Name), cancellationToken) is { } rejection)
            {
                yield return rejection;
            }
        }
    }

    public async Task ClearAsync(string blobName, CancellationToken cancellationToken = default) =>
        await containers.Rejected.GetBlobClient(BlobNameOf(blobName)).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    private static string BlobNameOf(string blobName) => $"{blobName}{Extension}";
}
