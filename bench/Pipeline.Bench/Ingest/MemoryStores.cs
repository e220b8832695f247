using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ingestion.Sources;
using Pipeline.Core.Normalization;
using Pipeline.Core.Serialization;

namespace Pipeline.Bench.Ingest;

/// <summary>
/// Source blobs held in memory: ingest with everything but the storage requests, to tell their cost from the rest.
/// </summary>
internal sealed class MemorySourceStore : IArticleSourceStore
{
    private readonly ConcurrentDictionary<string, SourceDocument> _blobs = new(StringComparer.Ordinal);

    public void Add(string name, byte[] content) =>
        _blobs[name] = new SourceDocument(name, content, "text/plain", $"\"0x{name.GetHashCode(StringComparison.Ordinal):X8}\"", DateTimeOffset.UtcNow);

    public async IAsyncEnumerable<SourceBlob> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        foreach (var blob in _blobs.Values)
        {
            yield return new SourceBlob(blob.Name, blob.ETag, blob.Content.Length, blob.LastModified, blob.ContentType);
        }
    }

    public Task<SourceBlob?> GetAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_blobs.TryGetValue(name, out var blob) ? new SourceBlob(name, blob.ETag, blob.Content.Length, blob.LastModified, blob.ContentType) : null);

    public Task<SourceDocument?> ReadAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_blobs.GetValueOrDefault(name));
}

/// <summary>Normalized articles kept as the JSON the blob store writes, so serialization is still paid; no request is.</summary>
internal sealed class MemoryNormalizedStore : INormalizedArticleStore
{
    private readonly ConcurrentDictionary<string, (string Source, byte[] Json)> _articles = new(StringComparer.Ordinal);

    public Task SaveAsync(Article article, CancellationToken cancellationToken = default)
    {
        _articles[article.Id] = (article.Source.BlobName, JsonSerializer.SerializeToUtf8Bytes(article, PipelineJson.Indented));
        return Task.CompletedTask;
    }

    public Task<Article?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_articles.TryGetValue(id, out var stored) ? JsonSerializer.Deserialize<Article>(stored.Json, PipelineJson.Options) : null);

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(_articles.TryRemove(id, out _));

    public async IAsyncEnumerable<StoredArticle> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        foreach (var (id, stored) in _articles)
        {
            yield return new StoredArticle(id, stored.Source);
        }
    }
}

/// <summary>
/// No rejection records, asked or cleared for free: what the local host's rejection store does once it has listed
/// them at start (it is their only writer), so BBC stories, which are never rejected, cost it no rejection request.
/// </summary>
internal sealed class NoRejectionStore : IRejectionStore
{
    public Task RecordAsync(Rejection rejection, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<Rejection?> GetAsync(string blobName, CancellationToken cancellationToken = default) => Task.FromResult<Rejection?>(null);

    public async IAsyncEnumerable<Rejection> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        yield break;
    }

    public Task ClearAsync(string blobName, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
