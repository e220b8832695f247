using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Pipeline.Api;

public static class PipelineApiServiceCollectionExtensions
{
    public static IServiceCollection AddPipelineApi(this IServiceCollection services)
    {
        services.TryAddSingleton<ArticleApi>();
        // Problem details for the responses the host writes itself (see UsePipelineApiProblems).
        services.AddProblemDetails();
        return services;
    }
}
