using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Pipeline.Api.Page;

namespace Pipeline.Api;

public static class PipelineApiEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the API under <c>/api</c>, and the search page at <c>/</c>, for hosts other than Azure Functions (the local host). The Functions app declares
    /// the same routes as functions; the OpenAPI document lists them, and tests hold both hosts to it.
    /// </summary>
    public static IEndpointRouteBuilder MapPipelineApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/" + ApiRoutes.Prefix);
        api.MapGet(ApiRoutes.Search, (HttpRequest request, ArticleApi handlers, CancellationToken ct) => handlers.SearchAsync(request, ct));
        api.MapPost(ApiRoutes.Search, (HttpRequest request, ArticleApi handlers, CancellationToken ct) => handlers.SearchPostAsync(request, ct));
        api.MapGet(ApiRoutes.Suggest, (HttpRequest request, ArticleApi handlers, CancellationToken ct) => handlers.SuggestAsync(request, ct));
        api.MapGet(ApiRoutes.Article, (HttpRequest request, string id, ArticleApi handlers, CancellationToken ct) => handlers.GetArticleAsync(request, id, ct));
        api.MapGet(ApiRoutes.Related, (HttpRequest request, string id, ArticleApi handlers, CancellationToken ct) => handlers.GetRelatedAsync(request, id, ct));
        api.MapGet(ApiRoutes.RecentUploads, (HttpRequest request, [FromServices] IngestStatusApi handlers, CancellationToken ct) => handlers.GetRecentUploadsAsync(request, ct));
        api.MapGet(ApiRoutes.Health, (ArticleApi handlers, CancellationToken ct) => handlers.GetHealthAsync(ct));
        api.MapGet(ApiRoutes.OpenApi, ArticleApi.GetOpenApiDocument);
        api.MapGet(ApiRoutes.Docs, ArticleApi.GetDocsPage);

        endpoints.MapGet("/" + PageRoutes.Root, (HttpResponse response) => SearchPage.Index(response));
        endpoints.MapGet("/" + PageRoutes.Asset, (HttpResponse response, string name) => SearchPage.Asset(response, name));
        return endpoints;
    }
}
