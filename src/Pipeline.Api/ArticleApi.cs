using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Pipeline.Api.Binding;
using Pipeline.Api.Documentation;
using Pipeline.Core.Articles;
using Pipeline.Core.Related;
using Pipeline.Core.Search;
using Pipeline.Core.Serialization;

namespace Pipeline.Api;

/// <summary>
/// The HTTP API, written once against ASP.NET Core's <see cref="HttpRequest"/> and <see cref="IResult"/> so the
/// Functions app (ASP.NET Core integration) and the local host (Kestrel) serve exactly the same behaviour.
/// </summary>
/// <remarks>
/// Whatever a user sends is answered with a 4xx problem when it is wrong: the binders and the backends report user
/// mistakes as <see cref="InvalidSearchRequestException"/>, caught here once per handler.
/// </remarks>
public sealed partial class ArticleApi(IArticleIndex index, RelatedArticlesService relatedArticles, IndexHealthProbe health, ILogger<ArticleApi> logger)
{
    // The logging generator needs a field; a primary-constructor parameter is not one.
    private readonly ILogger<ArticleApi> _logger = logger;

    public Task<IResult> SearchAsync(HttpRequest request, CancellationToken cancellationToken) =>
        HandleAsync(() => SearchAsync(SearchParameters.FromQueryString(request.Query), cancellationToken));

    /// <summary>The same search as <see cref="SearchAsync(HttpRequest, CancellationToken)"/> from a JSON body, for queries and filters too long for a URL.</summary>
    public Task<IResult> SearchPostAsync(HttpRequest request, CancellationToken cancellationToken) =>
        HandleAsync(async () =>
        {
            // A long filter belongs in the body, but the query string must not carry a second, conflicting search.
            _ = new QueryStringReader(request.Query, QueryParameterSet.None);
            using var body = await JsonBody.ReadObjectAsync(request, ApiLimits.MaxBodyBytes, cancellationToken);
            return await SearchAsync(SearchBodyReader.Read(body.RootElement), cancellationToken);
        });

    public Task<IResult> SuggestAsync(HttpRequest request, CancellationToken cancellationToken) =>
        HandleAsync(async () =>
        {
            var suggest = SuggestRequestBinder.Bind(request.Query);
            var suggestions = await index.SuggestAsync(suggest, cancellationToken);
            LogSuggest(suggest.Text, suggestions.Count);
            return Results.Json(new SuggestResponse(suggest.Text, suggestions), PipelineJson.Options);
        });

    public Task<IResult> GetArticleAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        HandleAsync(async () =>
        {
            _ = new QueryStringReader(request.Query, QueryParameterSet.None);
            if (!ArticleId.IsValid(id))
            {
                return Problems.InvalidArticleId(id);
            }

            var article = await index.GetAsync(id, cancellationToken);
            return article is null ? Problems.ArticleNotFound(id) : Results.Json(article, PipelineJson.Options);
        });

    public Task<IResult> GetRelatedAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        HandleAsync(async () =>
        {
            var top = new QueryStringReader(request.Query, SearchParameterNames.RelatedQueryString).GetInt32(SearchParameterNames.Top);
            if (!ArticleId.IsValid(id))
            {
                return Problems.InvalidArticleId(id);
            }

            var similar = ParameterRules.InRange(SearchParameterNames.Top, top, RelatedArticlesService.DefaultSimilarCount, 0, ApiLimits.MaxSimilar);
            var related = await relatedArticles.GetAsync(id, similar, cancellationToken);
            return related is null ? Problems.ArticleNotFound(id) : Results.Json(related, PipelineJson.Options);
        });

    public async Task<IResult> GetHealthAsync(CancellationToken cancellationToken)
    {
        // A real query (at most a second old) proves the index answers, not only that the process is up.
        var count = await health.CountAsync(cancellationToken);
        return Results.Json(new HealthResponse("healthy", count), PipelineJson.Options);
    }

    /// <summary>The OpenAPI 3.0 document describing this API.</summary>
    public static IResult GetOpenApiDocument() =>
        Results.Text(ApiDocument.Json, "application/json; charset=utf-8");

    /// <summary>A browsable page rendered from the OpenAPI document; self-contained, so it works offline.</summary>
    public static IResult GetDocsPage() =>
        Results.Text(ApiDocsPage.Html, "text/html; charset=utf-8");

    private async Task<IResult> SearchAsync(SearchParameters parameters, CancellationToken cancellationToken)
    {
        var bound = SearchRequestBinder.Bind(parameters);
        var search = bound.Request;
        var results = await index.SearchAsync(search, cancellationToken);
        LogSearch(search.Query, search.Top, search.Skip, results.TotalCount);

        var response = new SearchResponse(search.Query, results.TotalCount, search.Top, search.Skip, results.Hits)
        {
            Facets = search.Facets.Count == 0 ? null : results.Facets,
        };
        return bound.Select is { } select
            ? Results.Json(SearchHitProjection.Apply(response, select), PipelineJson.Options)
            : Results.Json(response, PipelineJson.Options);
    }

    private async Task<IResult> HandleAsync(Func<Task<IResult>> handler)
    {
        try
        {
            return await handler();
        }
        catch (InvalidSearchRequestException exception)
        {
            LogRejected(exception.Parameter, exception.Message);
            return Problems.InvalidParameter(exception);
        }
        catch (RequestRejectedException exception)
        {
            LogRejected(JsonBody.ParameterName, exception.Message);
            return Problems.Rejected(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Search {Query} top {Top} skip {Skip}: {Count} matches")]
    private partial void LogSearch(string query, int top, int skip, long? count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Suggest {Query}: {Count} suggestions")]
    private partial void LogSuggest(string query, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected a request: {Parameter}: {Reason}")]
    private partial void LogRejected(string parameter, string reason);
}
