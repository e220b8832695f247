using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pipeline.Core.Enrichment;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Normalization;
using Pipeline.Core.Normalization.PlainText;
using Pipeline.Core.Search;

namespace Pipeline.Core;

public static class PipelineCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers normalization, enrichment, ingestion and related-links assembly. A search backend
    /// (<see cref="IArticleIndex"/>) and the stores (<see cref="INormalizedArticleStore"/>, <see cref="IRejectionStore"/>)
    /// come from their own packages.
    /// </summary>
    public static IServiceCollection AddPipelineCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IArticleNormalizer, PlainTextNormalizer>();
        services.TryAddSingleton<ArticleEnricher>();
        services.TryAddSingleton<ArticleIngestor>();
        services.TryAddSingleton<RelatedArticlesService>();
        return services;
    }
}
