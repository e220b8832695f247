using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Pipeline.Core.Configuration;
using Pipeline.Shared;

namespace Pipeline.Storage;

/// <summary>
/// Rejects <see cref="BlobStorageOptions"/>, the storage connection they name and the retry options under
/// <c>Pipeline:Storage:Retry</c> that storage would refuse or the pipeline cannot work with, naming the setting.
/// </summary>
/// <param name="configuration">Where the connection (a top-level key the options name) and the retry section are read.</param>
internal sealed partial class BlobStorageOptionsValidator(IConfiguration configuration)
    : SettingsValidator<BlobStorageOptions>(BlobStorageOptions.SectionName)
{
    protected override void Check(BlobStorageOptions options, SettingChecks checks)
    {
        checks
            .NotEmpty(nameof(BlobStorageOptions.ConnectionName), options.ConnectionName)
            .StorageName(nameof(BlobStorageOptions.ArticlesContainer), options.ArticlesContainer, "container")
            .StorageName(nameof(BlobStorageOptions.NormalizedContainer), options.NormalizedContainer, "container")
            .StorageName(nameof(BlobStorageOptions.RejectedContainer), options.RejectedContainer, "container")
            .Require(
                EndpointSuffixPattern().IsMatch(options.EndpointSuffix ?? string.Empty),
                nameof(BlobStorageOptions.EndpointSuffix),
                "must be a host name suffix such as core.windows.net (no scheme, no leading dot)",
                options.EndpointSuffix);

        // The output containers must differ from the one ingest watches, or ingest would read its own output.
        var articlesKey = checks.Key(nameof(BlobStorageOptions.ArticlesContainer));
        checks
            .Require(options.NormalizedContainer != options.ArticlesContainer, nameof(BlobStorageOptions.NormalizedContainer), $"must differ from {articlesKey}", options.NormalizedContainer)
            .Require(options.RejectedContainer != options.ArticlesContainer, nameof(BlobStorageOptions.RejectedContainer), $"must differ from {articlesKey}", options.RejectedContainer);

        if (!string.IsNullOrWhiteSpace(options.ConnectionName))
        {
            StorageConnection.Check(configuration, options.ConnectionName, checks.Section(string.Empty));
        }

        AzureRetryBudget.Check(new BlobClientOptions().Retry, configuration.GetSection(BlobStorageServiceCollectionExtensions.RetrySectionName), checks);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+$", RegexOptions.IgnoreCase)]
    private static partial Regex EndpointSuffixPattern();
}
