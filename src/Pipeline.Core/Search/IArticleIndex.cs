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

    /// <summary>
    /// The blob version each of the given articles was indexed from, without loading the articles; ids that are not
    /// indexed are left out. What start-up checks (catch-up, reconcile) compare the container against, so their cost
    /// grows with the blobs that changed rather than with one article read per blob.
    /// </summary>
    /// <remarks>The default reads each article; backends override it with a lookup of the version alone.</remarks>
    async Task<IReadOnlyDictionary<string, ArticleVersion>> GetVersionsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var versions = new Dictionary<string, ArticleVersion>(StringComparer.Ordinal);
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (await GetAsync(id, cancellationToken) is { } article)
            {
                versions[id] = ArticleVersion.Of(article);
            }
        }

        return versions;
    }

    Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default);

    /// <summary>Articles whose content is most like the given one, the article itself excluded.</summary>
    Task<IReadOnlyList<SimilarArticle>> FindSimilarAsync(string id, int top, CancellationToken cancellationToken = default);

    /// <summary>Titles that complete what the user has typed, best first.</summary>
    Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestRequest request, CancellationToken cancellationToken = default);
}
