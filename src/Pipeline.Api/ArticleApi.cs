using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Pipeline.Api.Binding;
using Pipeline.Api.Documentation;
using Pipeline.Api.Health;
using Pipeline.Core.Articles;
using Pipeline.Core.Related;
using Pipeline.Core.Search;
using Pipeline.Core.Serialization;
using Pipeline.Core.Telemetry;

namespace Pipeline.Api;

/// <summary>
/// The HTTP API, written once against ASP.NET Core's <see cref="HttpRequest"/> and <see cref="IResult"/> so the
/// Functions app (ASP.NET Core integration) and the local host (Kestrel) serve exactly the same behaviour.
/// </summary>
/// <remarks>
/// Whatever a user sends is answered with a 4xx problem when it is wrong: the binders and the backends report user
/// mistakes as <see cref="InvalidSearchRequestException"/>, caught here once per handler.
/// </remarks>
public sealed partial class ArticleApi(
    IArticleIndex index, RelatedArticlesService relatedArticles, HealthProbe health, ILogger<ArticleApi> logger)
{
    // The logging generator needs a field; a primary-constructor parameter is not one.
    private readonly ILogger<ArticleApi> _logger = logger;

    public Task<IResult> SearchAsync(HttpRequest request, CancellationToken cancellationToken) =>
        HandleAsync("search", null, () => SearchAsync(SearchParameters.FromQueryString(request.Query), cancellationToken));

    /// <summary>The same search as <see cref="SearchAsync(HttpRequest, CancellationToken)"/> from a JSON body, for queries and filters too long for a URL.</summary>
    public Task<IResult> SearchPostAsync(HttpRequest request, CancellationToken cancellationToken) =>
        HandleAsync("search", null, async () =>
        {
            // A long filter belongs in the body, but the query string must not carry a second, conflicting search.
            _ = new QueryStringReader(request.Query, QueryParameterSet.None);
            using var body = await JsonBody.ReadObjectAsync(request, ApiLimits.MaxBodyBytes, cancellationToken);
            return await SearchAsync(SearchBodyReader.Read(body.RootElement), cancellationToken);
        });

    public Task<IResult> SuggestAsync(HttpRequest request, CancellationToken cancellationToken) =>
        HandleAsync("suggest", null, async () =>
        {
            var suggest = SuggestRequestBinder.Bind(request.Query);
            var suggestions = await index.SuggestAsync(suggest, cancellationToken);
            LogSuggest(suggest.Text, suggestions.Count);
            return Results.Json(new SuggestResponse(suggest.Text, suggestions), PipelineJson.Options);
        });

    public Task<IResult> GetArticleAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        HandleAsync("article", id, async () =>
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
        HandleAsync("related", id, async () =>
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

    /// <summary>200 when storage and the index answer, 503 with the reason when one does not; see <see cref="HealthProbe"/>.</summary>
    public Task<IResult> GetHealthAsync(CancellationToken cancellationToken) =>
        HandleAsync("health", null, async () =>
        {
            // The probe is shared and bounded by its own timeout; a caller that goes away only stops waiting.
            var report = await health.CheckAsync().WaitAsync(cancellationToken);
            return Results.Json(
                report,
                PipelineJson.Options,
                statusCode: report.Status == HealthResponse.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });

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

    /// <summary>Runs one request inside its span (<paramref name="operation"/>, with the article id when there is one) and times it.</summary>
    private async Task<IResult> HandleAsync(string operation, string? articleId, Func<Task<IResult>> handler)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = SearchMetrics.StartRequest(operation, articleId);
        var outcome = "error";
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            var result = await HandleErrorsAsync(handler);
            status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
            outcome = OutcomeOf(status);
            return result;
        }
        catch (OperationCanceledException)
        {
            (outcome, status) = ("canceled", StatusCodes.Status499ClientClosedRequest);
            throw;
        }
        catch (Exception ex)
        {
            activity?.AddException(ex);
            throw;
        }
        finally
        {
            SearchMetrics.RecordRequest(activity, operation, outcome, status, Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task<IResult> HandleErrorsAsync(Func<Task<IResult>> handler)
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

    private static string OutcomeOf(int status) => status switch
    {
        < 400 => "ok",
        StatusCodes.Status404NotFound => "notFound",
        < 500 => "invalid",
        StatusCodes.Status503ServiceUnavailable => "unavailable",
        _ => "error",
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Search {Query} top {Top} skip {Skip}: {Count} matches")]
    private partial void LogSearch(string query, int top, int skip, long? count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Suggest {Query}: {Count} suggestions")]
    private partial void LogSuggest(string query, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected a request: {Parameter}: {Reason}")]
    private partial void LogRejected(string parameter, string reason);
}
