using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pipeline.Core.Search;

namespace Pipeline.Search.Lucene;

public static class LuceneServiceCollectionExtensions
{
    /// <summary>
    /// Registers the embedded Lucene index as the <see cref="IArticleIndex"/> singleton, with
    /// <see cref="LuceneIndexOptions"/> bound from the <c>Pipeline:Lucene</c> section. The index opens on first use and
    /// holds its folder until the container is disposed.
    /// </summary>
    public static IServiceCollection AddLuceneArticleIndex(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LuceneIndexOptions>()
            .Bind(configuration.GetSection(LuceneIndexOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LuceneIndexOptions>, LuceneIndexOptionsValidator>());
        services.TryAddSingleton<IArticleIndex, LuceneArticleIndex>();
        return services;
    }
}
