using Microsoft.Extensions.Configuration;
using Pipeline.Cli.CommandLine;
using Pipeline.Hosting.Search;
using Pipeline.LocalHost.Azurite;
using Pipeline.Search.Lucene;
using Pipeline.Storage;

namespace Pipeline.Cli.Soak;

/// <summary>
/// Where a soak runs: containers of its own (named <c>soak-{run}-articles</c> and so on) in an Azurite it starts on free
/// ports, or in the storage account given, and a Lucene index in a temporary folder. Disposing it removes all of it, so
/// a soak never touches a deployment's articles or index.
/// </summary>
internal sealed class SoakStorage : IAsyncDisposable
{
    /// <summary>A soak is a long run, often on a busy machine: waiting longer for Azurite costs little.</summary>
    private static readonly TimeSpan MinimumAzuriteStartTimeout = TimeSpan.FromMinutes(2);

    private readonly AzuriteProcess? _azurite;
    private readonly string _temporary;

    private SoakStorage(IConfiguration configuration, string description, AzuriteProcess? azurite, string temporary)
    {
        Configuration = configuration;
        Description = description;
        _azurite = azurite;
        _temporary = temporary;
    }

    /// <summary>The pipeline's configuration, pointed at the soak's containers and index.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>One line for the console: which storage and index.</summary>
    public string Description { get; }

    /// <param name="configuration">The command line's configuration (settings file, environment, switches, --account-url).</param>
    /// <param name="startAzurite">Start a private Azurite (the default); false uses the storage the configuration names.</param>
    /// <exception cref="ServiceUnavailableException">Azurite could not be started.</exception>
    public static async Task<SoakStorage> CreateAsync(IConfiguration configuration, bool startAzurite, CancellationToken cancellationToken)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var temporary = Path.Combine(Path.GetTempPath(), $"pipeline-soak-{run}");
        var storage = StorageSelection.StorageOptions(configuration);
        var settings = new Dictionary<string, string?>
        {
            [$"{BlobStorageOptions.SectionName}:{nameof(BlobStorageOptions.ArticlesContainer)}"] = $"soak-{run}-articles",
            [$"{BlobStorageOptions.SectionName}:{nameof(BlobStorageOptions.NormalizedContainer)}"] = $"soak-{run}-normalized",
            [$"{BlobStorageOptions.SectionName}:{nameof(BlobStorageOptions.RejectedContainer)}"] = $"soak-{run}-rejected",
            [$"{SearchOptions.SectionName}:{nameof(SearchOptions.Backend)}"] = nameof(SearchBackend.Lucene),
            [$"{LuceneIndexOptions.SectionName}:{nameof(LuceneIndexOptions.IndexPath)}"] = Path.Combine(temporary, "index"),
        };
        AzuriteProcess? azurite = null;
        string description;
        if (startAzurite)
        {
            try
            {
                var configured = configuration.GetSection(AzuriteOptions.SectionName).Get<AzuriteOptions>()?.StartTimeout ?? TimeSpan.Zero;
                azurite = await AzuriteProcess.StartAsync(
                    new AzuriteStartOptions
                    {
                        Location = Path.Combine(temporary, "azurite"),
                        UseFreePorts = true,
                        StartTimeout = configured > MinimumAzuriteStartTimeout ? configured : MinimumAzuriteStartTimeout,
                    },
                    cancellationToken);
            }
            catch (AzuriteException ex)
            {
                throw new ServiceUnavailableException($"cannot start Azurite for the soak: {ex.Message}", ex);
            }

            settings[storage.ConnectionName] = azurite.ConnectionString;
            description = $"Azurite {azurite.Version} at {azurite.Endpoints.Blob.Authority} (started for the soak, removed afterwards)";
        }
        else
        {
            description = $"containers soak-{run}-* in the storage account of '{storage.ConnectionName}' (deleted afterwards)";
        }

        var soakConfiguration = new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(settings).Build();
        return new SoakStorage(soakConfiguration, $"{description}; Lucene index in {Path.Combine(temporary, "index")}", azurite, temporary);
    }

    /// <summary>Deletes the soak's containers from an account it did not start (a private Azurite goes with its folder).</summary>
    public async Task DeleteContainersAsync(BlobContainers containers, CancellationToken cancellationToken)
    {
        if (_azurite is not null)
        {
            return;
        }

        await containers.Articles.DeleteIfExistsAsync(cancellationToken: cancellationToken);
        await containers.Normalized.DeleteIfExistsAsync(cancellationToken: cancellationToken);
        await containers.Rejected.DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        try
        {
            Directory.Delete(_temporary, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An input still running after its timeout may hold a file; the temporary folder is cleaned eventually.
        }
    }
}
