using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace Pipeline.Storage;

/// <summary>The three containers the pipeline works with.</summary>
public sealed class BlobContainers(BlobServiceClient serviceClient, IOptions<BlobStorageOptions> options)
{
    public BlobContainerClient Articles { get; } = serviceClient.GetBlobContainerClient(options.Value.ArticlesContainer);

    public BlobContainerClient Normalized { get; } = serviceClient.GetBlobContainerClient(options.Value.NormalizedContainer);

    public BlobContainerClient Rejected { get; } = serviceClient.GetBlobContainerClient(options.Value.RejectedContainer);

    /// <summary>Creates any missing container; cheap when they exist, so hosts call it at start-up.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await Articles.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Normalized.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Rejected.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }
}
