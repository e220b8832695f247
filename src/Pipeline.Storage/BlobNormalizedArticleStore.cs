using System.Runtime.CompilerServices;
using Azure.Storage.Blobs.Models;
using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion;

namespace Pipeline.Storage;

/// <summary>
/// Keeps each normalized article as <c>normalized/{id}.json</c>, with the source blob's name in the blob's metadata so
/// that a reconcile pass can list which source each article came from without downloading any of them.
/// </summary>
public sealed class BlobNormalizedArticleStore(BlobContainers containers) : INormalizedArticleStore
{
    /// <summary>Metadata key holding the source blob name, URI-escaped (metadata values are ASCII only).</summary>
    internal const string SourceMetadataKey = "sourceblob";

    private const string Extension = ".json";

    public async Task SaveAsync(Article article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        var metadata = new Dictionary<string, string> { [SourceMetadataKey] = Uri.EscapeDataString(article.Source.BlobName) };
        await JsonBlob.UploadAsync(containers.Normalized.GetBlobClient(BlobNameOf(article.Id)), article, cancellationToken, metadata);
    }

    public Task<Article?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        JsonBlob.DownloadAsync<Article>(containers.Normalized.GetBlobClient(BlobNameOf(id)), cancellationToken);

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var response = await containers.Normalized.GetBlobClient(BlobNameOf(id)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        return response.Value;
    }

    public async IAsyncEnumerable<StoredArticle> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in containers.Normalized.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken))
        {
            if (!item.Name.EndsWith(Extension, StringComparison.Ordinal))
            {
                continue;
            }

            var id = item.Name[..^Extension.Length];
            if (item.Metadata.TryGetValue(SourceMetadataKey, out var escaped))
            {
                yield return new StoredArticle(id, Uri.UnescapeDataString(escaped));
            }
            else if (await GetAsync(id, cancellationToken) is { } article)
            {
                // Written before the metadata existed: the article itself knows its source.
                yield return new StoredArticle(id, article.Source.BlobName);
            }
        }
    }

    private static string BlobNameOf(string id) => $"{id}{Extension}";
}
