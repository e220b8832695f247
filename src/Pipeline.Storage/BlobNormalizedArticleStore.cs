using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Serialization;

namespace Pipeline.Storage;

/// <summary>Keeps each normalized article as <c>normalized/{id}.json</c>.</summary>
public sealed class BlobNormalizedArticleStore(BlobContainers containers) : INormalizedArticleStore
{
    private static readonly BlobHttpHeaders JsonHeaders = new() { ContentType = "application/json; charset=utf-8" };

    public async Task SaveAsync(Article article, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(article, PipelineJson.Indented);
        await containers.Normalized.GetBlobClient(BlobNameOf(article.Id))
            .UploadAsync(new BinaryData(json), new BlobUploadOptions { HttpHeaders = JsonHeaders }, cancellationToken);
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
