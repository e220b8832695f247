using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
    /// HTTP handlers. Hosts add only their triggers on top. Every options section is checked when the host starts
    /// (see <see cref="Core.Configuration.SettingChecks"/>), so a bad setting stops it with a message naming the setting.
    /// </summary>
    public static IServiceCollection AddPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPipelineCore();
        services.BindValidated<ArticleNormalizerOptions>(configuration, ArticleNormalizerOptions.SectionName);
        services.BindValidated<HtmlNormalizerOptions>(configuration, HtmlNormalizerOptions.SectionName);
        services.BindValidated<JsonNormalizerOptions>(configuration, JsonNormalizerOptions.SectionName);
        services.BindValidated<RelatedArticlesOptions>(configuration, RelatedArticlesOptions.SectionName);
        services.BindValidated<IngestOptions>(configuration, IngestOptions.SectionName);
        services.AddPipelineBlobStorage(configuration);
        services.AddPipelineSearch(configuration);
        services.AddPipelineApi();
        return services;
    }

    private static void BindValidated<TOptions>(this IServiceCollection services, IConfiguration configuration, string sectionName)
        where TOptions : class =>
        services.AddOptions<TOptions>().Bind(configuration.GetSection(sectionName)).ValidateOnStart();
}
