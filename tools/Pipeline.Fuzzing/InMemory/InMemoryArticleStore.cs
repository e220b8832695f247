using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion;

namespace Pipeline.Fuzzing.InMemory;

/// <summary>
/// The normalized store in memory, safe for concurrent ingests and counting writes: for one-process tools (the soak
/// command) and tests, where blob storage would only stand in the way.
/// </summary>
public sealed class InMemoryArticleStore : INormalizedArticleStore
{
    private int _saves;

    public ConcurrentDictionary<string, Article> Articles { get; } = new(StringComparer.Ordinal);

    public int Saves => _saves;

    public Task SaveAsync(Article article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        Interlocked.Increment(ref _saves);
        Articles[article.Id] = article;
        return Task.CompletedTask;
    }

    public Task<Article?> GetAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(Articles.GetValueOrDefault(id));

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(Articles.TryRemove(id, out _));

    public async IAsyncEnumerable<StoredArticle> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var article in Articles.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new StoredArticle(article.Id, article.Source.BlobName);
        }
    }
}
