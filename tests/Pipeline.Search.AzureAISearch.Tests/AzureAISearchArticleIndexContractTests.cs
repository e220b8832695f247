using Azure.Search.Documents.Indexes;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Core.Search;
using Pipeline.Testing.Search;

namespace Pipeline.Search.AzureAISearch.Tests;

/// <summary>
/// The backend-neutral index contract against a real Azure AI Search service. It needs a service, which CI does not
/// have, so it runs only when <c>PIPELINE_TEST_AZURE_SEARCH_ENDPOINT</c> and <c>PIPELINE_TEST_AZURE_SEARCH_KEY</c>
/// (an admin key) are set; each test then works in an index of its own and deletes it afterwards.
/// </summary>
public sealed class AzureAISearchArticleIndexContractTests : ArticleIndexContractTests
{
    private SearchIndexClient? _client;
    private string? _indexName;

    protected override ValueTask<IArticleIndex> CreateEmptyIndexAsync()
    {
        var endpoint = Environment.GetEnvironmentVariable("PIPELINE_TEST_AZURE_SEARCH_ENDPOINT");
        var key = Environment.GetEnvironmentVariable("PIPELINE_TEST_AZURE_SEARCH_KEY");
        if (string.IsNullOrEmpty(endpoint) || string.IsNullOrEmpty(key))
        {
            Assert.Skip("No Azure AI Search service: set PIPELINE_TEST_AZURE_SEARCH_ENDPOINT and PIPELINE_TEST_AZURE_SEARCH_KEY to run the contract against one.");
        }

        var options = new AzureAISearchOptions { Endpoint = new Uri(endpoint), ApiKey = key, IndexName = "contract-" + Guid.NewGuid().ToString("N")[..12] };
        _client = AzureAISearchServiceCollectionExtensions.CreateIndexClient(options);
        _indexName = options.IndexName;
        return ValueTask.FromResult<IArticleIndex>(new AzureAISearchArticleIndex(_client, _indexName, NullLogger<AzureAISearchArticleIndex>.Instance));
    }

    // Azure AI Search makes writes searchable about a second after it acknowledges them.
    protected override async ValueTask WaitUntilSearchableAsync() => await Task.Delay(TimeSpan.FromSeconds(2), CancellationToken);

    protected override async ValueTask DisposeIndexAsync(IArticleIndex index)
    {
        if (_client is not null && _indexName is not null)
        {
            await _client.DeleteIndexAsync(_indexName, CancellationToken.None);
        }
    }
}
