using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pipeline.Core.Enrichment;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ingestion.Reconciliation;
using Pipeline.Core.Ingestion.Redrive;
using Pipeline.Core.Ingestion.Resilience;
using Pipeline.Core.Ingestion.Sources;
using Pipeline.Core.Ingestion.Status;
using Pipeline.Core.Normalization;
using Pipeline.Core.Normalization.Detection;
using Pipeline.Core.Normalization.Html;
using Pipeline.Core.Normalization.Json;
using Pipeline.Core.Normalization.Markdown;
using Pipeline.Core.Normalization.PlainText;
using Pipeline.Core.Related;
using Pipeline.Core.Search;

namespace Pipeline.Core;

public static class PipelineCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers normalization, enrichment, ingestion and related-links assembly. A search backend
    /// (<see cref="IArticleIndex"/>) and the stores (<see cref="INormalizedArticleStore"/>, <see cref="IRejectionStore"/>)
    /// come from their own packages. Normalization limits come from <see cref="ArticleNormalizerOptions"/> and
    /// <see cref="HtmlNormalizerOptions"/>, retries, parking and ingest limits from <see cref="IngestOptions"/>,
    /// related-links tuning from <see cref="RelatedArticlesOptions"/>; bind them from configuration in the host.
    /// Ingesting by blob name, re-drive and reconcile also need an <see cref="IArticleSourceStore"/>.
    /// </summary>
    public static IServiceCollection AddPipelineCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions();

        // Settings nothing can run with fail where the options are first read (and hosts check them at start, where
        // they bind them), naming the setting, instead of being clamped where used.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JsonNormalizerOptions>, JsonNormalizerOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HtmlNormalizerOptions>, HtmlNormalizerOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ArticleNormalizerOptions>, ArticleNormalizerOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RelatedArticlesOptions>, RelatedArticlesOptionsValidator>());

        // One normalizer per format, and the detecting one in front of them that ingest and preview both use.
        services.TryAddSingleton<PlainTextNormalizer>();
        services.TryAddSingleton<HtmlNormalizer>();
        services.TryAddSingleton<MarkdownNormalizer>();
        services.TryAddSingleton<JsonNormalizer>();
        services.TryAddSingleton<IArticleNormalizer, ArticleNormalizer>();
        services.TryAddSingleton<ArticleEnricher>();
        services.TryAddSingleton<TransientFaults>();
        services.TryAddSingleton<RetryPolicy>();
        services.TryAddSingleton<ArticleIngestor>();
        services.TryAddSingleton<SourceBlobIngestor>();
        services.TryAddSingleton<IngestStopSignal>();
        services.TryAddSingleton<RejectionRedriver>();
        services.TryAddSingleton<ArticleReconciler>();
        services.TryAddSingleton<InterruptedIngestCatchUp>();
        services.TryAddSingleton<RecentUploads>();
        services.TryAddSingleton<EditorialLinkResolver>();
        services.TryAddSingleton<RelatedArticlesService>();
        return services;
    }
}
