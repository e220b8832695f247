using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;
using Pipeline.LocalHost.Azurite;
using Pipeline.Search.Lucene;
using Pipeline.Storage;

namespace Pipeline.LocalHost.Configuration;

/// <summary>
/// Layers the local host's configuration, lowest precedence first: the repository's <c>local.settings.json</c> (else
/// the sample), environment variables, command-line switches, then settings given in code (tests).
/// </summary>
public static class LocalConfiguration
{
    /// <summary>The storage connection setting of a Functions host, which the local host uses as well.</summary>
    public const string WebJobsStorageKey = "AzureWebJobsStorage";

    /// <summary>
    /// Adds the settings file below the environment variables of a builder that already has the usual sources
    /// (appsettings.json, environment, command line, as <c>WebApplication.CreateBuilder</c> sets them up), then the overrides.
    /// </summary>
    public static void AddLocalSources(
        IConfigurationBuilder configuration, string? settingsFile, RepositoryLayout repository, IReadOnlyDictionary<string, string?> overrides)
    {
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
        if (settingsFile is not null)
        {
            var environmentIndex = configuration.Sources
                .Select((source, index) => (source, index))
                .FirstOrDefault(s => s.source is EnvironmentVariablesConfigurationSource { Prefix: null or "" }, (null!, -1)).index;
            var settings = new LocalSettingsConfigurationSource(settingsFile);
            if (environmentIndex < 0)
            {
                configuration.Sources.Insert(0, settings);
            }
            else
            {
                configuration.Sources.Insert(environmentIndex, settings);
            }
        }

        configuration.AddInMemoryCollection(overrides);
        configuration.AddInMemoryCollection(Derive(configuration.Build(), repository));
    }

    /// <summary>
    /// Defaults below every other source, so that any of them can change them (for example
    /// <c>Logging__LogLevel__Azure.Core=Warning</c> to see the storage requests that fail).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Defaults { get; } = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        // Every expected 404 (a blob or a record that does not exist yet) is a warning from Azure.Core. Real storage
        // failures still surface, as exceptions in the ingestor's log.
        ["Logging:LogLevel:Azure"] = "Error",
        // Per-request lines from Kestrel and routing would cost more than the requests themselves.
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    };

    /// <summary>The same layering on its own, for commands that need configuration but no host.</summary>
    public static IConfigurationRoot Build(IReadOnlyList<string> args, string? settingsFile, RepositoryLayout repository)
    {
        var configuration = new ConfigurationBuilder();
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine([.. args]);
        AddLocalSources(configuration, settingsFile, repository, new Dictionary<string, string?>());
        return configuration.Build();
    }

    /// <summary>
    /// Settings the local host fills in: relative data paths anchored at the repository root, so the index and Azurite's
    /// data land in the repository's <c>.data/</c> whatever the working directory; and, when the pipeline's connection
    /// setting is not <c>AzureWebJobsStorage</c>, that setting too: locally one storage account holds the uploads and
    /// the host's queues.
    /// </summary>
    private static Dictionary<string, string?> Derive(IConfiguration configuration, RepositoryLayout repository)
    {
        var indexPathKey = ConfigurationPath.Combine(LuceneIndexOptions.SectionName, nameof(LuceneIndexOptions.IndexPath));
        var azuriteLocationKey = ConfigurationPath.Combine(AzuriteOptions.SectionName, nameof(AzuriteOptions.Location));
        var derived = new Dictionary<string, string?>
        {
            [indexPathKey] = Path.GetFullPath(configuration[indexPathKey] ?? LuceneIndexOptions.DefaultIndexPath, repository.Root),
            [azuriteLocationKey] = Path.GetFullPath(configuration[azuriteLocationKey] ?? new AzuriteOptions().Location, repository.Root),
        };

        var connectionName = configuration[ConfigurationPath.Combine(BlobStorageOptions.SectionName, nameof(BlobStorageOptions.ConnectionName))];
        if (!string.IsNullOrEmpty(connectionName) && connectionName != WebJobsStorageKey && !string.IsNullOrEmpty(configuration[connectionName]))
        {
            derived[WebJobsStorageKey] = configuration[connectionName];
        }

        return derived;
    }
}
