using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pipeline.Search.AzureAISearch;
using Pipeline.Search.Lucene;

namespace Pipeline.Hosting.Search;

public static class SearchBackendServiceCollectionExtensions
{
    /// <summary>Registers the <see cref="Core.Search.IArticleIndex"/> that <c>Pipeline:Search:Backend</c> names.</summary>
    /// <exception cref="OptionsValidationException">The setting names no backend.</exception>
    public static IServiceCollection AddPipelineSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchOptions>().Bind(configuration.GetSection(SearchOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SearchOptions>, SearchOptionsValidator>());

        // The backend decides what is registered, so it is checked now rather than at start.
        var options = configuration.GetSection(SearchOptions.SectionName).Get<SearchOptions>() ?? new SearchOptions();
        new SearchOptionsValidator().ThrowIfInvalid(options);

        return options.Backend == SearchBackend.AzureAISearch
            ? services.AddAzureAISearchArticleIndex(configuration)
            : services.AddLuceneArticleIndex(configuration);
    }
}
