using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Pipeline.LocalHost.Azurite;
using Pipeline.LocalHost.Configuration;
using Pipeline.Storage;

namespace Pipeline.Cli.CommandLine;

/// <summary>
/// The storage (and search backend) a command works on: Azurite and the local index by default, as the local host
/// uses them; an Azure storage account with <c>--account-url</c> and DefaultAzureCredential; anything else through
/// configuration. One place builds it, so every command reads the same settings the hosts read.
/// </summary>
internal sealed class StorageSelection
{
    private readonly Option<string?> _accountUrl = new("--account-url")
    {
        Description = "Blob service URL of an Azure storage account (https://<account>.blob.core.windows.net); signs in " +
                      "with DefaultAzureCredential (az login, environment, managed identity). Default: the configured " +
                      "AzureWebJobsStorage, which is Azurite unless changed.",
        HelpName = "url",
    };

    /// <summary>Adds <c>--account-url</c> and <c>--Key=value</c> switches to <paramref name="command"/>.</summary>
    public TCommand AddTo<TCommand>(TCommand command)
        where TCommand : Command
    {
        _accountUrl.Validators.Add(result => OptionRules.AbsoluteHttpUrl(result));
        command.Options.Add(_accountUrl);
        return command.AcceptingConfigurationSwitches();
    }

    /// <summary>The configuration for this command line, the same layering the local host uses, plus <c>--account-url</c>.</summary>
    /// <param name="switches">The <c>--Key=value</c> switches, when the command split them from its file arguments.</param>
    public IConfiguration Build(ParseResult parsed, IReadOnlyList<string>? switches = null)
    {
        var repository = RepositoryLayout.Discover();
        var configuration = LocalConfiguration.Build(switches ?? ConfigurationSwitches.Of(parsed), repository.SettingsFile, repository);
        if (parsed.GetValue(_accountUrl) is not { } accountUrl)
        {
            return configuration;
        }

        var connectionName = StorageOptions(configuration).ConnectionName;
        return new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                // An empty connection string makes the blob client factory take the identity-based settings.
                [connectionName] = string.Empty,
                [$"{connectionName}:blobServiceUri"] = accountUrl,
            })
            .Build();
    }

    /// <summary>Builds the configuration and checks that Azurite answers when it is the storage.</summary>
    /// <exception cref="ServiceUnavailableException">Azurite is configured and does not answer.</exception>
    public async Task<IConfiguration> ConnectAsync(ParseResult parsed, CancellationToken cancellationToken, IReadOnlyList<string>? switches = null)
    {
        var configuration = Build(parsed, switches);
        var storage = StorageOptions(configuration);
        if (AzuriteEndpoints.TryParse(configuration[storage.ConnectionName], out var endpoints) &&
            !(await StorageEndpointProbe.ProbeAsync(endpoints.Blob, cancellationToken)).AnswersHttp)
        {
            throw new ServiceUnavailableException(
                $"no storage at {endpoints.Blob.Authority} ('{storage.ConnectionName}'). " +
                $"Start the pipeline first with: {PipelineCli.RunHint} run");
        }

        return configuration;
    }

    public static BlobStorageOptions StorageOptions(IConfiguration configuration) =>
        configuration.GetSection(BlobStorageOptions.SectionName).Get<BlobStorageOptions>() ?? new BlobStorageOptions();
}
