using Pipeline.Core.Articles;

namespace Pipeline.Core.Search;

/// <summary>What <c>GET /api/articles/{id}/related</c> returns.</summary>
/// <param name="Editorial">The article's own related-headline links, in page order.</param>
/// <param name="Similar">Content-based neighbours from the index.</param>
public sealed record RelatedArticles(string Id, IReadOnlyList<EditorialLink> Editorial, IReadOnlyList<SimilarArticle> Similar);

/// <param name="ArticleId">The indexed article the headline resolves to, or null while unresolved.</param>
/// <param name="Confidence">How sure the resolution is, from 0 to 1; 0 when unresolved.</param>
public sealed record EditorialLink(string Title, string? Url, string? ArticleId, double Confidence)
{
    public static EditorialLink Unresolved(RelatedLink link) => new(link.Title, link.Url, null, 0);
}
