using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Articles;
using Pipeline.Core.Related;
using Pipeline.Core.Search;
using Pipeline.Core.Serialization;

namespace Pipeline.Api;

/// <summary>
/// The HTTP API, written once against ASP.NET Core's <see cref="HttpRequest"/> and <see cref="IResult"/> so the
/// Functions app (ASP.NET Core integration) and the local host (Kestrel) serve exactly the same behaviour.
/// </summary>
public sealed class ArticleApi(IArticleIndex index, RelatedArticlesService relatedArticles, ILogger<ArticleApi> logger)
{
    public async Task<IResult> SearchAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var query = request.Query["q"].ToString();
        if (query.Length > ApiLimits.MaxQueryLength)
        {
            return Problems.BadRequest($"'q' is {query.Length} characters long; the limit is {ApiLimits.MaxQueryLength}.");
        }

        if (!QueryParameters.TryGetInt(request, "top", SearchRequest.DefaultTop, 0, ApiLimits.MaxTop, out var top, out var error) ||
            !QueryParameters.TryGetInt(request, "skip", 0, 0, ApiLimits.MaxSkip, out var skip, out error))
        {
            return Problems.BadRequest(error!);
        }

        var results = await index.SearchAsync(new SearchRequest(query, top, skip), cancellationToken);
        logger.LogDebug("Search {Query} top {Top} skip {Skip}: {Count} matches", query, top, skip, results.TotalCount);
        return Results.Json(new SearchResponse(query, results.TotalCount, top, skip, results.Hits), PipelineJson.Options);
    }

    public async Task<IResult> GetArticleAsync(string id, CancellationToken cancellationToken)
    {
        if (!ArticleId.IsValid(id))
        {
            return Problems.InvalidArticleId(id);
        }

        var article = await index.GetAsync(id, cancellationToken);
        return article is null ? Problems.ArticleNotFound(id) : Results.Json(article, PipelineJson.Options);
    }

    public async Task<IResult> GetRelatedAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (!ArticleId.IsValid(id))
        {
            return Problems.InvalidArticleId(id);
        }

        if (!QueryParameters.TryGetInt(request, "top", RelatedArticlesService.DefaultSimilarCount, 0, ApiLimits.MaxSimilar, out var top, out var error))
        {
            return Problems.BadRequest(error!);
        }

        var related = await relatedArticles.GetAsync(id, top, cancellationToken);
        return related is null ? Problems.ArticleNotFound(id) : Results.Json(related, PipelineJson.Options);
    }

    public async Task<IResult> GetHealthAsync(CancellationToken cancellationToken)
    {
        // A real query proves the index answers, not only that the process is up.
        var all = await index.SearchAsync(new SearchRequest("*", Top: 0), cancellationToken);
        return Results.Json(new HealthResponse("healthy", all.TotalCount ?? 0), PipelineJson.Options);
    }
}
