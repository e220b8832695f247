using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Core.Search;

namespace Pipeline.Search.Lucene.Tests;

public sealed class LuceneServiceCollectionExtensionsTests : IDisposable
{
    private readonly TemporaryIndexFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Registers_one_index_at_the_configured_path()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Pipeline:Lucene:IndexPath"] = _folder.Path })
            .Build();
        await using var provider = new ServiceCollection().AddLuceneArticleIndex(configuration).BuildServiceProvider();

        var index = provider.GetRequiredService<IArticleIndex>();

        var lucene = Assert.IsType<LuceneArticleIndex>(index);
        Assert.Equal(_folder.Path, lucene.IndexPath);
        Assert.Same(index, provider.GetRequiredService<IArticleIndex>());
    }

    [Fact]
    public void The_index_path_defaults_to_a_data_folder_under_the_current_directory()
    {
        using var provider = new ServiceCollection().AddLuceneArticleIndex(new ConfigurationBuilder().Build()).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<LuceneIndexOptions>>().Value;

        Assert.Equal(".data/index", options.IndexPath);
    }

    [Fact]
    public void An_empty_index_path_is_rejected()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Pipeline:Lucene:IndexPath"] = " " })
            .Build();
        using var provider = new ServiceCollection().AddLuceneArticleIndex(configuration).BuildServiceProvider();

        var rejected = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LuceneIndexOptions>>().Value);

        Assert.Contains("Pipeline:Lucene:IndexPath", rejected.Message, StringComparison.Ordinal);
    }
}
