using Pipeline.Core.Articles;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Suggestions;

namespace Pipeline.Core.Tests.Related;

/// <summary>
/// An in-memory index for related-links tests. Its search is plain term matching on titles (lower-cased runs of
/// letters and digits, ranked by how many of the query's words a title contains), which is all the headline resolver
/// asks of a backend: a few titles sharing words with the headline. That is enough for unit tests of how candidates
/// are chosen, not the search semantics of a real backend; the Lucene tests resolve headlines against the real one.
/// Similar articles are whatever a test sets in <see cref="Similar"/>, since more-like-this is the backends' work.
/// </summary>
internal sealed class TitleMatchingArticleIndex : IArticleIndex
{
    private readonly Dictionary<string, Article> _articles = new(StringComparer.Ordinal);

    /// <summary>Every search request, in order.</summary>
    public List<SearchRequest> Searches { get; } = [];

    /// <summary>What <see cref="FindSimilarAsync"/> answers per article id; no entry means no similar articles.</summary>
    public Dictionary<string, IReadOnlyList<SimilarArticle>> Similar { get; } = new(StringComparer.Ordinal);

    /// <summary>The <c>top</c> of each similar-articles request, in order.</summary>
    public List<int> SimilarRequests { get; } = [];

    public TitleMatchingArticleIndex Add(params Article[] articles)
    {
        foreach (var article in articles)
        {
            _articles[article.Id] = article;
        }

        return this;
    }

    public Task UpsertAsync(Article article, CancellationToken cancellationToken = default)
    {
        Add(article);
        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(_articles.Remove(id));

    public Task<Article?> GetAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(_articles.GetValueOrDefault(id));

    public Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        Searches.Add(request);
        var queryWords = Words(request.Query);
        var hits = _articles.Values
            .Select(article => (Article: article, Shared: Words(article.Title).Count(queryWords.Contains)))
            .Where(match => match.Shared > 0)
            .OrderByDescending(match => match.Shared)
            .ThenBy(match => match.Article.Id, StringComparer.Ordinal)
            .Take(request.Top)
            .Select(match => new SearchHit(match.Article.Id, match.Article.Title, match.Shared, match.Article.Authors, match.Article.Published, null))
            .ToList();
        return Task.FromResult(new SearchResults(null, hits));
    }

    public Task<IReadOnlyList<SimilarArticle>> FindSimilarAsync(string id, int top, CancellationToken cancellationToken = default)
    {
        SimilarRequests.Add(top);
        return Task.FromResult<IReadOnlyList<SimilarArticle>>([.. Similar.GetValueOrDefault(id, []).Take(top)]);
    }

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Related links never ask for suggestions.");

    private static HashSet<string> Words(string text) =>
        [.. new string([.. text.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ')]).Split(' ', StringSplitOptions.RemoveEmptyEntries)];
}
