using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ingestion.Sources;
using Pipeline.Core.Search;
using Pipeline.Fuzzing.InMemory;

namespace Pipeline.Testing.Ingestion;

/// <summary>
/// The production ingest services (normalizer, enricher, ingestor, re-drive, reconcile) over in-memory stores and a
/// given index that can be switched off, with retries short enough for tests.
/// </summary>
public sealed class IngestServices : IDisposable
{
    private readonly ServiceProvider _provider;

    public IngestServices(IArticleIndex index, Action<IngestOptions>? configure = null)
    {
        Index = new SwitchableArticleIndex(index);
        _provider = new ServiceCollection()
            .AddLogging()
            .AddPipelineCore()
            .Configure<IngestOptions>(options =>
            {
                options.MaxRetries = 2;
                options.InitialRetryDelay = TimeSpan.FromMilliseconds(1);
                options.MaxRetryDelay = TimeSpan.FromMilliseconds(5);
                configure?.Invoke(options);
            })
            .AddSingleton<IArticleIndex>(Index)
            .AddSingleton<INormalizedArticleStore>(Store)
            .AddSingleton<IRejectionStore>(Rejections)
            .AddSingleton<IArticleSourceStore>(Sources)
            .BuildServiceProvider();
    }

    public SwitchableArticleIndex Index { get; }

    public InMemoryArticleStore Store { get; } = new();

    public InMemoryRejectionStore Rejections { get; } = new();

    public InMemorySourceStore Sources { get; } = new();

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public void Dispose() => _provider.Dispose();
}
