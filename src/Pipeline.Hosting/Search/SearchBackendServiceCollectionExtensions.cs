using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Search.AzureAISearch;
using Pipeline.Search.Lucene;

namespace Pipeline.Hosting.Search;

public static class SearchBackendServiceCollectionExtensions
{
    /// <summary>Registers the <see cref="Core.Search.IArticleIndex"/> that <c>Pipeline:Search:Backend</c> names.</summary>
    public static IServiceCollection AddPipelineSearch(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SearchOptions.SectionName).Get<SearchOptions>() ?? new SearchOptions();
        return options.Backend switch
        {
            SearchBackend.Lucene => services.AddLuceneArticleIndex(configuration),
            SearchBackend.AzureAISearch => services.AddAzureAISearchArticleIndex(configuration),
            _ => throw new InvalidOperationException(
                $"Unknown search backend '{options.Backend}' in '{SearchOptions.SectionName}:Backend'; use '{SearchBackend.Lucene}' or '{SearchBackend.AzureAISearch}'."),
        };
    }
}
