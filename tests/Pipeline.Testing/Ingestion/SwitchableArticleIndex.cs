using Pipeline.Core.Articles;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Suggestions;

namespace Pipeline.Testing.Ingestion;

/// <summary>
/// Wraps a real index and fails every call while <see cref="IsDown"/> is set, the way an unreachable search service
/// does (a refused connection: transient), for drills of "search backend down during ingest".
/// </summary>
public sealed class SwitchableArticleIndex(IArticleIndex inner) : IArticleIndex
{
    private int _failedCalls;
    private int _failuresLeft;

    public bool IsDown { get; set; }

    /// <summary>Fails only the next <paramref name="calls"/> calls: a blip that retries ride out.</summary>
    public void FailNext(int calls) => Interlocked.Exchange(ref _failuresLeft, calls);

    /// <summary>Calls refused while down.</summary>
    public int FailedCalls => _failedCalls;

    public Task UpsertAsync(Article article, CancellationToken cancellationToken = default) => Call(() => inner.UpsertAsync(article, cancellationToken));

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) => Call(() => inner.DeleteAsync(id, cancellationToken));

    public Task<Article?> GetAsync(string id, CancellationToken cancellationToken = default) => Call(() => inner.GetAsync(id, cancellationToken));

    public Task<IReadOnlyDictionary<string, ArticleVersion>> GetVersionsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        Call(() => inner.GetVersionsAsync(ids, cancellationToken));

    public Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        Call(() => inner.SearchAsync(request, cancellationToken));

    public Task<IReadOnlyList<SimilarArticle>> FindSimilarAsync(string id, int top, CancellationToken cancellationToken = default) =>
        Call(() => inner.FindSimilarAsync(id, top, cancellationToken));

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestRequest request, CancellationToken cancellationToken = default) =>
        Call(() => inner.SuggestAsync(request, cancellationToken));

    private Task<T> Call<T>(Func<Task<T>> call)
    {
        if (IsDown || Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            Interlocked.Increment(ref _failedCalls);
            return Task.FromException<T>(new HttpRequestException("Connection refused (search backend is down)", null, statusCode: null));
        }

        return call();
    }

    private Task Call(Func<Task> call) => Call(async () =>
    {
        await call();
        return true;
    });
}
