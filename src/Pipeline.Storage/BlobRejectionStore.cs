using Pipeline.Core.Ingestion;

namespace Pipeline.Storage;

/// <summary>
/// Records inputs that could not be normalized as <c>rejected/{blob name}.json</c>, next to nothing else:
/// the original blob stays where it was uploaded, so a fix can re-drive it.
/// </summary>
public sealed class BlobRejectionStore(BlobContainers containers) : IRejectionStore
{
    public async Task RecordAsync(Rejection rejection, CancellationToken cancellationToken = default)
    {
        await JsonBlob.UploadAsync(containers.Rejected.GetBlobClient(BlobNameOf(rejection.BlobName)), rejection, cancellationToken);
    }

    public async Task ClearAsync(string blobName, CancellationToken cancellationToken = default) =>
        await containers.Rejected.GetBlobClient(BlobNameOf(blobName)).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    private static string BlobNameOf(string blobName) => $"{blobName}.json";
}
