using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Core;
using Pipeline.Core.Enrichment;
using Pipeline.Core.Normalization;

namespace Pipeline.Bench.Extraction.Production;

/// <summary>
/// The normalizer and enricher exactly as the hosts compose them (<see cref="PipelineCoreServiceCollectionExtensions.AddPipelineCore"/>),
/// so these measurements cover format detection and routing, not only one format's normalizer.
/// </summary>
internal sealed class ProductionPipeline : IDisposable
{
    private readonly ServiceProvider _services;

    public ProductionPipeline()
    {
        // Null loggers: a benchmark measures the normalizer, not a console logger.
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        _services = services.AddPipelineCore().BuildServiceProvider();
        Normalizer = _services.GetRequiredService<IArticleNormalizer>();
        Enricher = _services.GetRequiredService<ArticleEnricher>();
    }

    public IArticleNormalizer Normalizer { get; }

    public ArticleEnricher Enricher { get; }

    public void Dispose() => _services.Dispose();
}
