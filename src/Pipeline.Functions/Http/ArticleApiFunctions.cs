using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Api;

namespace Pipeline.Functions.Http;

/// <summary>
/// HTTP triggers for the API. Each one binds the request and hands it to <see cref="ArticleApi"/>, the same handlers
/// the local host serves, so behaviour cannot drift between the two.
/// </summary>
public sealed class ArticleApiFunctions(ArticleApi api)
{
    // host.json empties the Functions route prefix so that the search page can live at the site root; the API keeps
    // its /api/ paths by naming the prefix here.
    internal const string Api = ApiRoutes.Prefix + "/";

    [Function("Search")]
    public Task<IResult> SearchAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Api + ApiRoutes.Search)] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.SearchAsync(request, cancellationToken);

    [Function("SearchPost")]
    public Task<IResult> SearchPostAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Api + ApiRoutes.Search)] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.SearchPostAsync(request, cancellationToken);

    [Function("Suggest")]
    public Task<IResult> SuggestAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Api + ApiRoutes.Suggest)] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.SuggestAsync(request, cancellationToken);

    [Function("GetArticle")]
    public Task<IResult> GetArticleAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Api + ApiRoutes.Article)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.GetArticleAsync(request, id, cancellationToken);

    [Function("GetRelated")]
    public Task<IResult> GetRelatedAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Api + ApiRoutes.Related)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.GetRelatedAsync(request, id, cancellationToken);

    // Anonymous so platform health probes and uptime checks need no key; it reveals only a document count.
    [Function("Health")]
    public Task<IResult> HealthAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + ApiRoutes.Health)] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.GetHealthAsync(cancellationToken);

    // Anonymous: the description of the API is no secret, and a client needs it before it has a key.
    [Function("OpenApi")]
    public IResult OpenApi(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + ApiRoutes.OpenApi)] HttpRequest request) =>
        ArticleApi.GetOpenApiDocument();

    [Function("Docs")]
    public IResult Docs(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Api + ApiRoutes.Docs)] HttpRequest request) =>
        ArticleApi.GetDocsPage();
}
