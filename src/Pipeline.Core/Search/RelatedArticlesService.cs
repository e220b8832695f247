namespace Pipeline.Core.Search;

/// <summary>Assembles an article's related links: its editorial headlines plus content-based neighbours.</summary>
public sealed class RelatedArticlesService(IArticleIndex index)
{
    public const int DefaultSimilarCount = 5;

    /// <returns>The related links, or null when the article is not indexed.</returns>
    public async Task<RelatedArticles?> GetAsync(string id, int similarCount = DefaultSimilarCount, CancellationToken cancellationToken = default)
    {
        var article = await index.GetAsync(id, cancellationToken);
        if (article is null)
        {
            return null;
        }

        // Headline resolution against indexed titles is the related-links issue's work; until then links are listed as text.
        var editorial = article.Related.Select(EditorialLink.Unresolved).ToList();
        var similar = await index.FindSimilarAsync(id, similarCount, cancellationToken);
        return new RelatedArticles(id, editorial, similar);
    }
}
