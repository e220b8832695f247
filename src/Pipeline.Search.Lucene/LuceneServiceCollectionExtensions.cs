using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
            .Validate(options => !string.IsNullOrWhiteSpace(options.IndexPath), $"{LuceneIndexOptions.SectionName}:IndexPath must not be empty.")
            .Validate(options => options.RefreshInterval >= TimeSpan.Zero, $"{LuceneIndexOptions.SectionName}:RefreshInterval must not be negative.")
            .Validate(options => options.CommitInterval >= TimeSpan.Zero, $"{LuceneIndexOptions.SectionName}:CommitInterval must not be negative.")
            .Validate(options => options.CommitAfterWrites > 0, $"{LuceneIndexOptions.SectionName}:CommitAfterWrites must be at least 1.")
            .ValidateOnStart();
        services.TryAddSingleton<IArticleIndex, LuceneArticleIndex>();
        return services;
    }
}
