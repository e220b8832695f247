using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pipeline.Api;
using Pipeline.Core;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Normalization;
using Pipeline.Core.Normalization.Html;
using Pipeline.Core.Normalization.Json;
using Pipeline.Core.Related;
using Pipeline.Hosting.Search;
using Pipeline.Storage;

namespace Pipeline.Hosting;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Everything both hosts need: normalization and ingestion, blob storage, the configured search backend and the
    /// HTTP handlers. Hosts add only their triggers on top.
    /// </summary>
    public static IServiceCollection AddPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPipelineCore();
        services.AddOptions<ArticleNormalizerOptions>().Bind(configuration.GetSection(ArticleNormalizerOptions.SectionName));
        services.AddOptions<HtmlNormalizerOptions>().Bind(configuration.GetSection(HtmlNormalizerOptions.SectionName));
        services.AddOptions<JsonNormalizerOptions>().Bind(configuration.GetSection(JsonNormalizerOptions.SectionName)).ValidateOnStart();
        services.AddOptions<RelatedArticlesOptions>().Bind(configuration.GetSection(RelatedArticlesOptions.SectionName));
        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.SectionName)).ValidateOnStart();
        services.AddPipelineBlobStorage(configuration);
        services.AddPipelineSearch(configuration);
        services.AddPipelineApi();
        return services;
    }
}
