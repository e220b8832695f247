using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Pipeline.Search.AzureAISearch.Tests;

public sealed class AzureAISearchOptionsValidationTests
{
    [Fact]
    public void Rejects_an_index_name_the_service_would_refuse_naming_the_setting()
    {
        var error = Refused(("Pipeline:AzureAISearch:Endpoint", "https://my-search.search.windows.net"), ("Pipeline:AzureAISearch:IndexName", "Articles"));

        Assert.StartsWith("Pipeline:AzureAISearch:IndexName must be a search index name", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(was 'Articles')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_missing_endpoint_naming_the_setting()
    {
        var error = Refused();

        Assert.Equal("Pipeline:AzureAISearch:Endpoint is required for the Azure AI Search backend (was not set)", error.Message);
    }

    [Fact]
    public void Rejects_a_search_retry_delay_longer_than_its_maximum_naming_both_settings()
    {
        var error = Refused(
            ("Pipeline:AzureAISearch:Endpoint", "https://my-search.search.windows.net"),
            ("Pipeline:AzureAISearch:Retry:Delay", "00:00:10"),
            ("Pipeline:AzureAISearch:Retry:MaxDelay", "00:00:05"));

        Assert.Equal(
            "Pipeline:AzureAISearch:Retry:MaxDelay must be at least Pipeline:AzureAISearch:Retry:Delay (00:00:10) (was 00:00:05)", error.Message);
    }

    private static OptionsValidationException Refused(params (string Key, string Value)[] values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
        using var services = new ServiceCollection().AddLogging().AddAzureAISearchArticleIndex(configuration).BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AzureAISearchOptions>>().Value);
    }
}
