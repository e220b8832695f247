using Microsoft.Extensions.Options;
using Pipeline.Core.Search;
using Pipeline.LocalHost.Azurite;
using Pipeline.LocalHost.Changes;
using Pipeline.LocalHost.Configuration;
using Pipeline.Search.Lucene;
using Pipeline.Storage;

namespace Pipeline.LocalHost.Hosting;

/// <summary>
/// The running local pipeline: storage (Azurite, started if needed), the containers, the blob trigger and the API.
/// The <c>run</c> command and the end-to-end tests start it the same way.
/// </summary>
public sealed class LocalPipelineHost : IAsyncDisposable
{
    private static readonly TimeSpan StorageWaitInterval = TimeSpan.FromSeconds(2);

    private readonly WebApplication _app;
    private readonly AzuriteLease _storage;
    private readonly LocalHostStartOptions _options;
    private readonly RepositoryLayout _repository;
    private int _disposed;

    private LocalPipelineHost(WebApplication app, AzuriteLease storage, LocalHostStartOptions options, RepositoryLayout repository)
    {
        _app = app;
        _storage = storage;
        _options = options;
        _repository = repository;
    }

    public IServiceProvider Services => _app.Services;

    /// <summary>The addresses Kestrel listens on, with real ports (also when port 0 was asked for).</summary>
    public IReadOnlyList<Uri> Urls => [.. _app.Urls.Select(url => new Uri(url))];

    /// <summary>Describes the storage in use, and whether this host started it.</summary>
    public string StorageDescription => _storage.Description;

    /// <summary>The full path of the search index folder, or the backend's name when it is not on disk.</summary>
    public string IndexDescription => _app.Services.GetRequiredService<IArticleIndex>() switch
    {
        LuceneArticleIndex lucene => lucene.IndexPath,
        var other => other.GetType().Name,
    };

    public ArticleContainers Containers
    {
        get
        {
            var options = _app.Services.GetRequiredService<IOptions<BlobStorageOptions>>().Value;
            return new ArticleContainers(options.ArticlesContainer, options.NormalizedContainer, options.RejectedContainer);
        }
    }

    /// <summary>Starts everything and returns once blobs are being watched and the API answers.</summary>
    /// <exception cref="AzuriteException">Storage is not there and could not be started.</exception>
    /// <exception cref="InvalidOperationException">The index cannot be opened (its folder is not writable, or in use).</exception>
    /// <exception cref="OptionsValidationException">A setting is out of range; the message names it.</exception>
    public static async Task<LocalPipelineHost> StartAsync(LocalHostStartOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var repository = options.Repository ?? RepositoryLayout.Discover();
        var app = LocalHostApplication.Build(options, repository);
        AzuriteLease? storage = null;
        try
        {
            // Settings first, which the host would check only once storage is there: a bad one is an error now, naming
            // it, without waiting for storage or starting Azurite.
            app.Services.GetService<IStartupValidator>()?.Validate();

            // Open the index next: a folder that cannot be written is an error now, naming it, not at the first upload.
            _ = app.Services.GetRequiredService<IArticleIndex>();
            var connectionName = app.Services.GetRequiredService<IOptions<BlobStorageOptions>>().Value.ConnectionName;
            storage = await app.Services.GetRequiredService<AzuriteLauncher>()
                .EnsureRunningAsync(app.Configuration[connectionName], connectionName, repository.Root, cancellationToken);

            // Listing would fail on a missing container, and the stores write to the other two.
            await app.Services.GetRequiredService<BlobContainers>().EnsureCreatedAsync(cancellationToken);
            await app.Services.GetRequiredService<BlobChangeDetector>().PrepareAsync(cancellationToken);
            await StartServingAsync(app, cancellationToken);
            return new LocalPipelineHost(app, storage, options, repository);
        }
        catch
        {
            await app.DisposeAsync();
            if (storage is not null)
            {
                await storage.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Starts the API and the trigger, then publishes where <c>upload</c> hands blobs over (known once Kestrel listens).</summary>
    private static async Task StartServingAsync(WebApplication app, CancellationToken cancellationToken)
    {
        await app.StartAsync(cancellationToken);
        await app.Services.GetRequiredService<BlobChangeDetector>().PublishHandOffAsync(HandOffAddress(app.Urls), cancellationToken);
    }

    /// <summary>
    /// Where <c>upload</c> reaches this host: its first address, with a wildcard host (<c>+</c>, <c>*</c>, 0.0.0.0,
    /// [::]) as the loopback name, since uploads come from this machine.
    /// </summary>
    internal static Uri? HandOffAddress(IEnumerable<string> urls)
    {
        foreach (var url in urls)
        {
            var wildcard = url.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal);
            if (Uri.TryCreate(wildcard, UriKind.Absolute, out var address) && address.Scheme is "http" or "https")
            {
                return address.Host is "0.0.0.0" or "[::]" ? new UriBuilder(address) { Host = "localhost" }.Uri : address;
            }
        }

        return null;
    }

    /// <summary>How long a stop may take (<c>shutdownTimeoutSeconds</c>, 30 s by default) before the host gives up waiting.</summary>
    public TimeSpan ShutdownTimeout => _app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;

    /// <summary>Why the host asked to be restarted (see <see cref="HostRestartRequest"/>), or null.</summary>
    public string? RestartReason => _app.Services.GetRequiredService<HostRestartRequest>().Reason;

    /// <summary>
    /// Replaces this stopped host with a fresh one on the same storage, which this host keeps running if it started it.
    /// Waits for storage to answer first: a restart usually follows storage going away.
    /// </summary>
    public async Task<LocalPipelineHost> RestartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            throw new ObjectDisposedException(nameof(LocalPipelineHost));
        }

        if (!_app.Lifetime.ApplicationStopped.IsCancellationRequested)
        {
            await _app.StopAsync(cancellationToken);
        }

        await _app.DisposeAsync();
        var app = LocalHostApplication.Build(_options, _repository);
        try
        {
            await WaitForStorageAsync(
                app.Services.GetRequiredService<BlobContainers>(), app.Services.GetRequiredService<ILogger<LocalPipelineHost>>(), cancellationToken);
            await StartServingAsync(app, cancellationToken);
            return new LocalPipelineHost(app, _storage, _options, _repository);
        }
        catch
        {
            await app.DisposeAsync();
            await _storage.DisposeAsync();
            throw;
        }
    }

    /// <summary>Completes when the host is asked to stop: Ctrl+C, SIGTERM, or <see cref="StopAsync"/>.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the trigger and the API; storage this host started keeps running until disposal.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <summary>Stops the host, releases the index, and stops Azurite if this host started it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_storage.StartedProcess is { } azurite)
        {
            _app.Services.GetRequiredService<ILogger<LocalPipelineHost>>()
                .LogInformation("Stopping Azurite (pid {ProcessId}); its data stays in {Location}", azurite.ProcessId, azurite.Location);
        }

        try
        {
            // After WaitForShutdownAsync the host has stopped already; stopping it twice would log the shutdown twice.
            if (!_app.Lifetime.ApplicationStopped.IsCancellationRequested)
            {
                await _app.StopAsync();
            }

            await _app.DisposeAsync();
        }
        finally
        {
            await _storage.DisposeAsync();
        }
    }

    private static async Task WaitForStorageAsync(BlobContainers containers, ILogger logger, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await containers.EnsureCreatedAsync(cancellationToken);
                return;
            }
            catch (Exception ex) when ((ex is Azure.RequestFailedException or HttpRequestException or AggregateException) && !cancellationToken.IsCancellationRequested)
            {
                if (attempt == 1 || attempt % 15 == 0)
                {
                    logger.LogWarning("Waiting for storage before the host starts again: {Reason}", ex.Message);
                }

                await Task.Delay(StorageWaitInterval, cancellationToken);
            }
        }
    }
}

/// <summary>The container names a host uses.</summary>
public sealed record ArticleContainers(string Articles, string Normalized, string Rejected);
