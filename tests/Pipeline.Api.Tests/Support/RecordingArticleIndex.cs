using Pipeline.Core.Articles;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Suggestions;

namespace Pipeline.Api.Tests.Support;

/// <summary>
/// An index that records what the API asked of it and answers with what the test set up. The tests here are about
/// binding and response shaping, so they check the recorded requests; search quality is the backends' contract tests.
/// </summary>
internal sealed class RecordingArticleIndex : IArticleIndex
{
    private readonly List<SearchRequest> _searches = [];
    private readonly List<SuggestRequest> _suggestions = [];

    public SearchResults SearchAnswer { get; set; } = new(0, []);

    public IReadOnlyList<Suggestion> SuggestAnswer { get; set; } = [];

    public Dictionary<string, Article> Articles { get; } = [];

    /// <summary>Thrown by the next search, as a backend does for a query it cannot run.</summary>
    public Exception? SearchFailure { get; set; }

    public IReadOnlyList<SearchRequest> Searches => _searches;

    public IReadOnlyList<SuggestRequest> Suggestions => _suggestions;

    public SearchRequest LastSearch => _searches.Count > 0 ? _searches[^1] : throw new InvalidOperationException("The API did not search.");

    public SuggestRequest LastSuggest => _suggestions.Count > 0 ? _suggestions[^1] : throw new InvalidOperationException("The API did not ask for suggestions.");

    /// <summary>Forgets requests and answers, so one server can serve a class of tests one at a time.</summary>
    public void Reset()
    {
        _searches.Clear();
        _suggestions.Clear();
        SearchAnswer = new(0, []);
        SuggestAnswer = [];
        Articles.Clear();
        SearchFailure = null;
    }

    public Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        _searches.Add(request);
        return SearchFailure is { } failure ? Task.FromException<SearchResults>(failure) : Task.FromResult(SearchAnswer);
    }

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestRequest request, CancellationToken cancellationToken = default)
    {
        _suggestions.Add(request);
        return Task.FromResult(SuggestAnswer);
    }

    public Task<Article?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(Articles.GetValueOrDefault(id));

    public Task<IReadOnlyList<SimilarArticle>> FindSimilarAsync(string id, int top, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SimilarArticle>>([]);

    public Task UpsertAsync(Article article, CancellationToken cancellationToken = default)
    {
        Articles[article.Id] = article;
        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(Articles.Remove(id));
}
