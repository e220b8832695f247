using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion;

namespace Pipeline.Fuzzing.Soak;

/// <summary>The normalized-article store of a soak run: blob storage stands aside, the index is real.</summary>
public sealed class InMemoryArticleStore : INormalizedArticleStore
{
    private readonly ConcurrentDictionary<string, Article> _articles = new(StringComparer.Ordinal);

    public int Count => _articles.Count;

    public Task SaveAsync(Article article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        _articles[article.Id] = article;
        return Task.CompletedTask;
    }

    public Task<Article?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_articles.GetValueOrDefault(id));

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_articles.TryRemove(id, out _));

    public async IAsyncEnumerable<StoredArticle> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var article in _articles.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new StoredArticle(article.Id, article.Source.BlobName);
        }
    }
}

/// <summary>The rejection store of a soak run.</summary>
public sealed class InMemoryRejectionStore : IRejectionStore
{
    private readonly ConcurrentDictionary<string, Rejection> _rejections = new(StringComparer.Ordinal);

    public Rejection? Find(string blobName) => _rejections.GetValueOrDefault(blobName);

    public Task RecordAsync(Rejection rejection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        _rejections[rejection.BlobName] = rejection;
        return Task.CompletedTask;
    }

    public Task<Rejection?> GetAsync(string blobName, CancellationToken cancellationToken = default) =>
        Task.FromResult(Find(blobName));

    public async IAsyncEnumerable<Rejection> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var rejection in _rejections.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return rejection;
        }
    }

    public Task ClearAsync(string blobName, CancellationToken cancellationToken = default)
    {
        _rejections.TryRemove(blobName, out _);
        return Task.CompletedTask;
    }
}
