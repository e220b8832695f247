using System.Text.RegularExpressions;
using Azure.Search.Documents;
using Microsoft.Extensions.Configuration;
using Pipeline.Core.Configuration;
using Pipeline.Shared;

namespace Pipeline.Search.AzureAISearch;

/// <summary>
/// Rejects <see cref="AzureAISearchOptions"/>, and the retry options under <c>Pipeline:AzureAISearch:Retry</c>, that
/// the service would refuse or the pipeline cannot work with, naming the setting.
/// </summary>
/// <param name="configuration">Where the retry section is read.</param>
internal sealed partial class AzureAISearchOptionsValidator(IConfiguration configuration)
    : SettingsValidator<AzureAISearchOptions>(AzureAISearchOptions.SectionName)
{
    protected override void Check(AzureAISearchOptions options, SettingChecks checks)
    {
        checks
            .Require(options.Endpoint is not null, nameof(AzureAISearchOptions.Endpoint), "is required for the Azure AI Search backend", null)
            .HttpUrl(nameof(AzureAISearchOptions.Endpoint), options.Endpoint?.OriginalString)
            .Require(
                options.IndexName is not null && IndexNamePattern().IsMatch(options.IndexName),
                nameof(AzureAISearchOptions.IndexName),
                "must be a search index name: 2 to 128 lower-case letters, digits, dashes and underscores, starting with a letter or digit, with no two dashes or underscores in a row",
                options.IndexName);
        AzureRetryBudget.Check(new SearchClientOptions().Retry, configuration.GetSection(AzureAISearchServiceCollectionExtensions.RetrySectionName), checks);
    }

    [GeneratedRegex("^(?=.{2,128}$)[a-z0-9]+([-_][a-z0-9]+)*[-_]?$")]
    private static partial Regex IndexNamePattern();
}
