using Azure.Storage.Blobs;
using Pipeline.Core.Normalization;

namespace Pipeline.Storage;

/// <summary>Reads an uploaded blob into the host-neutral <see cref="SourceDocument"/> that normalization takes.</summary>
public static class BlobSourceReader
{
    public static async Task<SourceDocument> ReadAsync(BlobClient blob, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var download = await blob.DownloadContentAsync(cancellationToken);
        return BlobArticleSourceStore.ToSourceDocument(blob.Name, download.Value.Content, download.Value.Details);
    }
}
