using Azure;
using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Serialization;

namespace Pipeline.Storage;

/// <summary>Keeps each normalized article as <c>normalized/{id}.json</c>.</summary>
public sealed class BlobNormalizedArticleStore(BlobContainers containers) : INormalizedArticleStore
{
    public async Task SaveAsync(Article article, CancellationToken cancellationToken = default)
    {
        await JsonBlob.UploadAsync(containers.Normalized.GetBlobClient(BlobNameOf(article.Id)), article, cancellationToken);
    }

    public async Task<Article?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        try
        {
            var download = await containers.Normalized.GetBlobClient(BlobNameOf(id)).DownloadContentAsync(cancellationToken);
            return download.Value.Content.ToObjectFromJson<Article>(PipelineJson.Options);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var response = await containers.Normalized.GetBlobClient(BlobNameOf(id)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        return response.Value;
    }

    private static string BlobNameOf(string id) => $"{id}.json";
}
