using Pipeline.Core.Articles;
using Pipeline.Core.Search.Suggestions;

namespace Pipeline.Core.Search;

/// <summary>
/// The search backend. Implementations (embedded Lucene, Azure AI Search) share one query semantics,
/// pinned down by the backend-neutral contract tests.
/// </summary>
public interface IArticleIndex
{
    /// <summary>Adds the article, or replaces the one with the same id.</summary>
    Task UpsertAsync(Article article, CancellationToken cancellationToken = default);

    /// <summary>Removes the article; returns false when it was not indexed.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The full article as indexed, or null.</summary>
    Task<Article?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default);

    /// <summary>Articles whose content is most like the given one, the article itself excluded.</summary>
    Task<IReadOnlyList<SimilarArticle>> FindSimilarAsync(string id, int top, CancellationToken cancellationToken = default);

    /// <summary>Titles that complete what the user has typed, best first.</summary>
    Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestRequest request, CancellationToken cancellationToken = default);
}
