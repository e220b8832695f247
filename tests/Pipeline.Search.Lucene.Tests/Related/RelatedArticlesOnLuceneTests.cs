using Pipeline.Core.Articles;
using Pipeline.Core.Related;
using Pipeline.Testing.Articles;

namespace Pipeline.Search.Lucene.Tests.Related;

/// <summary>
/// Related links of the seed article against the real embedded index: its "KEEP READING" headlines resolved through
/// Lucene's title search, and similar articles through its more-like-this.
/// </summary>
public sealed class RelatedArticlesOnLuceneTests : IDisposable
{
    private const string WarBody =
        "Russian drones struck Odesa again overnight, a day after Ukraine offered Russia new peace talks. Ukrainian air "
        + "defences shot down most of the drones, officials in Kyiv said, but a port warehouse burned until morning.\n"
        + "Zelenskyy has asked allies for more air defences and said Ukraine would still send negotiators to peace talks. "
        + "Moscow says Ukraine must give up territory before any ceasefire, a condition Kyiv rejects.\n"
        + "Civilians in Odesa spent the night in shelters as the drones came in waves, the regional governor said, and "
        + "the port will reopen once the damage is counted. Russia has not commented on the attack.";

    private readonly TemporaryIndexFolder _folder = new();
    private readonly LuceneArticleIndex _index;
    private readonly Article _seed;

    public RelatedArticlesOnLuceneTests()
    {
        _index = _folder.OpenIndex();
        _seed = SeedArticle.Load();
    }

    [Fact]
    public async Task Seed_headlines_resolve_exactly_to_the_articles_with_those_titles()
    {
        await IndexAsync(_seed);
        var stories = SeedArticle.KeepReadingHeadlines.Select((headline, i) => Story($"keep-reading-{i}", headline)).ToArray();
        await IndexAsync(stories);

        var related = await GetRelatedAsync();

        Assert.Equal(stories.Select(story => story.Id), related.Editorial.Select(link => link.ArticleId));
        Assert.All(related.Editorial, link => Assert.Equal((EditorialMatch.Exact, 1.0), (link.Match!.Value, link.Confidence)));
    }

    [Fact]
    public async Task A_linked_article_that_arrives_later_is_resolved_by_the_next_request()
    {
        await IndexAsync(_seed);

        var before = await GetRelatedAsync();
        await IndexAsync(Story("crows", "Crows Soar to Victory with Thilthorpe’s Key Contributions"));
        var after = await GetRelatedAsync();

        Assert.All(before.Editorial, link => Assert.Null(link.ArticleId));
        Assert.Equal([null, null, "crows", null, null, null], after.Editorial.Select(link => link.ArticleId));
    }

    [Fact]
    public async Task Reworded_headlines_resolve_as_normalized_and_fuzzy_matches()
    {
        await IndexAsync(
            _seed,
            Story("crows", "CROWS SOAR TO VICTORY WITH THILTHORPE'S KEY CONTRIBUTIONS"),
            Story("scheffler", "Scottie Scheffler Reflects on Life Beyond Golf Before The Open"),
            Story("tasmania", "Political Leaders Meet in Tasmania"));

        var editorial = (await GetRelatedAsync()).Editorial;

        Assert.Equal(("crows", EditorialMatch.Normalized), (editorial[2].ArticleId, editorial[2].Match));
        Assert.Equal(("scheffler", EditorialMatch.Fuzzy), (editorial[3].ArticleId, editorial[3].Match));
        Assert.Null(editorial[4].ArticleId);
    }

    [Fact]
    public async Task Similar_articles_leave_out_a_retitled_copy_and_say_what_is_shared()
    {
        var copy = _seed with { Id = "seed-copy", Title = "Zelenskyy Invites China to Broker Talks", Related = [] };
        var war = ArticleBuilder.Article("odesa").WithTitle("Drones Hit Odesa After Ukraine Offers Peace Talks")
            .WithBody(WarBody.Split('\n')).Build().WithDerivedFields();
        await IndexAsync(_seed, copy, war, Story("golf", "Scottie Scheffler Reflects on Life Beyond Golf Ahead of The Open"));

        var fromIndex = await _index.FindSimilarAsync(_seed.Id, 5, TestContext.Current.CancellationToken);
        var similar = (await GetRelatedAsync()).Similar;

        Assert.Contains(fromIndex, article => article.Id == copy.Id);
        var odesa = Assert.Single(similar);
        Assert.Equal("odesa", odesa.Id);
        Assert.Equal(["ukraine", "peace talks", "russia"], odesa.SharedTerms);
    }

    public void Dispose()
    {
        _index.Dispose();
        _folder.Dispose();
    }

    private static Article Story(string id, string title) =>
        ArticleBuilder.Article(id).WithTitle(title).WithBody($"The story filed as {id} has a body of its own.").Build().WithDerivedFields();

    private async Task IndexAsync(params Article[] articles)
    {
        foreach (var article in articles)
        {
            await _index.UpsertAsync(article, TestContext.Current.CancellationToken);
        }
    }

    private async Task<RelatedArticles> GetRelatedAsync()
    {
        var related = await new RelatedArticlesService(_index).GetAsync(_seed.Id, cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotNull(related);
        return related;
    }
}
