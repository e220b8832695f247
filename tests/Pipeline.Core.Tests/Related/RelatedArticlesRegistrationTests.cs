using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Core.Articles;
using Pipeline.Core.Related;
using Pipeline.Core.Search;
using Pipeline.Testing.Articles;

namespace Pipeline.Core.Tests.Related;

public sealed class RelatedArticlesRegistrationTests
{
    [Fact]
    public async Task The_registered_service_uses_the_configured_fuzzy_threshold()
    {
        var index = new TitleMatchingArticleIndex();
        index.Add(
            ArticleBuilder.Article("page").WithTitle("Page").WithRelated(new RelatedLink("Crows Soar to Victory with Thilthorpe’s Key Contributions")).Build(),
            ArticleBuilder.Article("crows").WithTitle("Crows Soar to Victory").Build());
        using var services = Services(index, options => options.FuzzyTitleThreshold = 0.5);

        var related = await services.GetRequiredService<RelatedArticlesService>().GetAsync("page", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("crows", Assert.Single(related!.Editorial).ArticleId);
    }

    [Fact]
    public void Out_of_range_options_are_refused()
    {
        using var services = Services(new TitleMatchingArticleIndex(), options => options.FuzzyTitleThreshold = 1.5);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<RelatedArticlesService>());

        Assert.Contains(RelatedArticlesOptions.SectionName, error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(IArticleIndex index, Action<RelatedArticlesOptions> configure) =>
        new ServiceCollection()
            .AddLogging()
            .AddPipelineCore()
            .Configure(configure)
            .AddSingleton<IArticleIndex>(index)
            .BuildServiceProvider();
}
