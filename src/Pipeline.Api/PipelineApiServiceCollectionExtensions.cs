using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pipeline.Api.Health;
using Pipeline.Core.Serialization;

namespace Pipeline.Api;

public static class PipelineApiServiceCollectionExtensions
{
    public static IServiceCollection AddPipelineApi(this IServiceCollection services)
    {
        services.TryAddSingleton<ArticleApi>();
        services.TryAddSingleton<HealthProbe>();
        services.TryAddSingleton(TimeProvider.System);
        // Resolved only when its route is called: it needs the stores, which hosts that serve search alone may lack.
        services.TryAddSingleton<IngestStatusApi>();
        // Problem details for the responses the host writes itself (see UsePipelineApiProblems).
        services.AddProblemDetails();

        // Problem details echo what the caller sent ("'<script>' is not an article id"). ASP.NET Core writes them with
        // relaxed escaping, leaving '<' and '>' raw; escape them as every other response body does.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Encoder = PipelineJson.Options.Encoder);
        return services;
    }
}
