using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Pipeline.Api;

public static class PipelineApiEndpointRouteBuilderExtensions
{
    /// <summary>Maps the API under <c>/api</c> for hosts other than Azure Functions (the local host).</summary>
    public static IEndpointRouteBuilder MapPipelineApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/" + ApiRoutes.Prefix);
        api.MapGet(ApiRoutes.Search, (HttpRequest request, ArticleApi handlers, CancellationToken ct) => handlers.SearchAsync(request, ct));
        api.MapGet(ApiRoutes.Article, (string id, ArticleApi handlers, CancellationToken ct) => handlers.GetArticleAsync(id, ct));
        api.MapGet(ApiRoutes.Related, (HttpRequest request, string id, ArticleApi handlers, CancellationToken ct) => handlers.GetRelatedAsync(request, id, ct));
        api.MapGet(ApiRoutes.Health, (ArticleApi handlers, CancellationToken ct) => handlers.GetHealthAsync(ct));
        return endpoints;
    }
}
