using System.Collections.Concurrent;
using Pipeline.Core.Articles;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Suggestions;

namespace Pipeline.Core.Tests.Ingestion;

/// <summary>Keeps what the ingestor writes, so tests can see each write; search is not needed here.</summary>
internal sealed class RecordingArticleIndex : IArticleIndex
{
    private int _upserts;

    public ConcurrentDictionary<string, Article> Articles { get; } = new(StringComparer.Ordinal);

    public int Upserts => _upserts;

    /// <summary>The ids written, in the order they were written.</summary>
    public ConcurrentQueue<string> WriteOrder { get; } = new();

    public Task UpsertAsync(Article article, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _upserts);
        Articles[article.Id] = article;
        WriteOrder.Enqueue(article.Id);
        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(Articles.TryRemove(id, out _));

    public Task<Article?> GetAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(Articles.GetValueOrDefault(id));

    public Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Ingestion never searches.");

    public Task<IReadOnlyList<SimilarArticle>> FindSimilarAsync(string id, int top, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Ingestion never asks for similar articles.");

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}
