using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Serialization;

namespace Pipeline.Storage;

/// <summary>
/// Records inputs that could not be normalized as <c>rejected/{blob name}.json</c>, next to nothing else:
/// the original blob stays where it was uploaded, so a fix can re-drive it.
/// </summary>
public sealed class BlobRejectionStore(BlobContainers containers) : IRejectionStore
{
    private static readonly BlobHttpHeaders JsonHeaders = new() { ContentType = "application/json; charset=utf-8" };

    public async Task RecordAsync(Rejection rejection, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(rejection, PipelineJson.Indented);
        await containers.Rejected.GetBlobClient(BlobNameOf(rejection.BlobName))
            .UploadAsync(new BinaryData(json), new BlobUploadOptions { HttpHeaders = JsonHeaders }, cancellationToken);
    }

    public async Task ClearAsync(string blobName, CancellationToken cancellationToken = default) =>
        await containers.Rejected.GetBlobClient(BlobNameOf(blobName)).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    private static string BlobNameOf(string blobName) => $"{blobName}.json";
}
