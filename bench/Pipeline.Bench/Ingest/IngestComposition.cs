using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Core;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ingestion.Sources;
using Pipeline.Search.Lucene;
using Pipeline.Storage;

namespace Pipeline.Bench.Ingest;

/// <summary>How one ingest composition is put together.</summary>
/// <param name="ConnectionString">Azurite's connection string; null for in-memory stores.</param>
/// <param name="Log">What is logged, and where.</param>
internal sealed record IngestSetup(string? ConnectionString, string IndexPath, string NormalizedContainer, IngestLog Log, MemorySourceStore? MemorySources = null);

/// <summary>The logging an ingest composition runs with.</summary>
internal enum IngestLog
{
    /// <summary>No logger at all: nothing is formatted, and the Azure SDK's events are not forwarded.</summary>
    None,

    /// <summary>A console logger with no filters, Information and up, as the local host logged until it filtered the Azure SDK's request lines.</summary>
    Console,

    /// <summary>The local host's logging (<see cref="LocalHost.Hosting.LocalHostLogging"/>).</summary>
    Host,
}

/// <summary>
/// The ingest services as the local host composes them (<c>AddPipelineCore</c>, <c>AddPipelineBlobStorage</c> through
/// <c>AddAzureClients</c>, the Lucene index), on Azurite or on in-memory stores, with a fresh index.
/// </summary>
internal sealed class IngestComposition : IAsyncDisposable
{
    /// <summary>The container the bench's compositions read sources from.</summary>
    public const string SourcesContainer = "bench-sources";

    private readonly ServiceProvider _services;

    private IngestComposition(ServiceProvider services, LogLineCounter logLines)
    {
        _services = services;
        LogLines = logLines;
    }

    public LogLineCounter LogLines { get; }

    public SourceBlobIngestor Ingestor => _services.GetRequiredService<SourceBlobIngestor>();

    public LuceneArticleIndex Index => (LuceneArticleIndex)_services.GetRequiredService<Core.Search.IArticleIndex>();

    public IArticleSourceStore Sources => _services.GetRequiredService<IArticleSourceStore>();

    public INormalizedArticleStore Normalized => _services.GetRequiredService<INormalizedArticleStore>();

    public BlobContainers Containers => _services.GetRequiredService<BlobContainers>();

    public static async Task<IngestComposition> CreateAsync(IngestSetup setup, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = setup.ConnectionString,
            [$"{LuceneIndexOptions.SectionName}:{nameof(LuceneIndexOptions.IndexPath)}"] = setup.IndexPath,
            [$"{BlobStorageOptions.SectionName}:{nameof(BlobStorageOptions.NormalizedContainer)}"] = setup.NormalizedContainer,

            // Not the local host's containers, which the host pass starts on empty.
            [$"{BlobStorageOptions.SectionName}:{nameof(BlobStorageOptions.ArticlesContainer)}"] = SourcesContainer,
            [$"{BlobStorageOptions.SectionName}:{nameof(BlobStorageOptions.RejectedContainer)}"] = "bench-rejected",
        }).Build();

        var logLines = new LogLineCounter();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging =>
        {
            if (setup.Log == IngestLog.Console)
            {
                logging.AddProvider(logLines);
                logging.AddSimpleConsole(console =>
                {
                    console.SingleLine = true;
                    console.TimestampFormat = "HH:mm:ss ";
                });
            }
            else if (setup.Log == IngestLog.Host)
            {
                logging.AddProvider(logLines);
                LocalHost.Hosting.LocalHostLogging.Configure(logging);
            }
        });

        // Registered first: the pipeline's registrations give way to these.
        services.AddSingleton<IRejectionStore, NoRejectionStore>();
        if (setup.MemorySources is { } memory)
        {
            services.AddSingleton<IArticleSourceStore>(memory);
            services.AddSingleton<INormalizedArticleStore, MemoryNormalizedStore>();
        }

        services.AddPipelineCore();
        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.SectionName));
        if (setup.ConnectionString is not null)
        {
            services.AddPipelineBlobStorage(configuration);
        }

        services.AddLuceneArticleIndex(configuration);
        var provider = services.BuildServiceProvider();
        if (setup.ConnectionString is not null)
        {
            await provider.GetRequiredService<BlobContainers>().EnsureCreatedAsync(cancellationToken);
        }

        _ = provider.GetRequiredService<Core.Search.IArticleIndex>();
        return new IngestComposition(provider, logLines);
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}

/// <summary>Counts the log lines written at Information and up, by category: what a console logger would print.</summary>
internal sealed class LogLineCounter : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _lines = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> Lines => _lines;

    public void Reset() => _lines.Clear();

    public ILogger CreateLogger(string categoryName) => new Counter(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Counter(LogLineCounter owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner._lines.AddOrUpdate(category, 1, (_, count) => count + 1);
            }
        }
    }
}
