using Microsoft.Extensions.Options;
using Pipeline.Core.Articles;
using Pipeline.Core.Related;
using Pipeline.Core.Search;
using Pipeline.Testing.Articles;

namespace Pipeline.Core.Tests.Related;

public sealed class EditorialLinkResolverTests
{
    private readonly TitleMatchingArticleIndex _index = new();

    [Fact]
    public async Task Seed_headlines_resolve_exactly_when_their_articles_are_indexed()
    {
        var seed = SeedArticle.Load();
        var stories = SeedArticle.KeepReadingHeadlines.Select((headline, i) => Story($"keep-reading-{i}", headline)).ToArray();
        _index.Add(seed).Add(stories);

        var links = await ResolveAsync(seed);

        Assert.Equal(stories.Select(story => story.Id), links.Select(link => link.ArticleId));
        Assert.All(links, link => Assert.Equal((EditorialMatch.Exact, 1.0), (link.Match!.Value, link.Confidence)));
    }

    [Fact]
    public async Task Seed_headlines_stay_listed_as_text_in_page_order_when_nothing_matches()
    {
        var seed = SeedArticle.Load();
        _index.Add(seed);

        var links = await ResolveAsync(seed);

        Assert.Equal(SeedArticle.KeepReadingHeadlines, links.Select(link => link.Title));
        Assert.All(links, link => Assert.Equal(((string?)null, 0.0, (EditorialMatch?)null), (link.ArticleId, link.Confidence, link.Match)));
    }

    [Fact]
    public async Task Straight_quotes_and_case_differences_match_as_normalized()
    {
        _index.Add(Story("crows", "CROWS SOAR TO VICTORY WITH THILTHORPE'S KEY CONTRIBUTIONS"));

        var link = await ResolveOneAsync("Crows Soar to Victory with Thilthorpe’s Key Contributions");

        Assert.Equal(("crows", EditorialMatch.Normalized, 0.9), (link.ArticleId, link.Match, link.Confidence));
    }

    [Fact]
    public async Task Accents_dashes_and_compatibility_forms_match_as_normalized()
    {
        _index.Add(Story("sentence", "Perth grandmother appeals six-year sentence in Japan – help from a scam “expert”"));

        var link = await ResolveOneAsync("Perth Grandmother Appeals Six‑Year Sentence in Japàn — Help From a Scam \"Expert\"");

        Assert.Equal(("sentence", EditorialMatch.Normalized), (link.ArticleId, link.Match));
    }

    [Fact]
    public async Task A_title_with_a_word_dropped_matches_fuzzily_below_normalized_confidence()
    {
        _index.Add(Story("crows", "Crows Soar to Victory with Thilthorpe’s Contributions"));

        var link = await ResolveOneAsync("Crows Soar to Victory with Thilthorpe’s Key Contributions");

        Assert.Equal(("crows", EditorialMatch.Fuzzy), (link.ArticleId, link.Match));
        Assert.InRange(link.Confidence, 0.7, 0.85);
    }

    [Fact]
    public async Task A_title_with_a_word_changed_matches_fuzzily()
    {
        _index.Add(Story("superman", "Superman Flies High with $57.3 Million in Second Weekend"));

        var link = await ResolveOneAsync("Superman Soars High with $57.3 Million in Second Weekend");

        Assert.Equal(("superman", EditorialMatch.Fuzzy), (link.ArticleId, link.Match));
        Assert.InRange(link.Confidence, 0.6, 0.85);
    }

    [Fact]
    public async Task A_title_sharing_too_few_content_words_leaves_the_headline_unresolved()
    {
        _index.Add(Story("tasmania", "Political Leaders Meet in Tasmania"));

        var link = await ResolveOneAsync("New Political Dynamics in Tasmania as Leaders Engage Crossbenchers");

        Assert.Equal(((string?)null, 0.0), (link.ArticleId, link.Confidence));
        Assert.Equal("New Political Dynamics in Tasmania as Leaders Engage Crossbenchers", link.Title);
    }

    [Fact]
    public async Task An_exact_title_wins_over_a_looser_one_the_index_ranks_higher()
    {
        _index.Add(
            Story("a-fuzzy", "Scottie Scheffler Reflects on Life Beyond Golf Ahead of The Open Championship"),
            Story("b-exact", "Scottie Scheffler Reflects on Life Beyond Golf Ahead of The Open"));

        var link = await ResolveOneAsync("Scottie Scheffler Reflects on Life Beyond Golf Ahead of The Open");

        Assert.Equal(("b-exact", EditorialMatch.Exact), (link.ArticleId, link.Match));
    }

    [Fact]
    public async Task A_headline_never_resolves_to_the_article_that_lists_it()
    {
        var article = ArticleBuilder.Article("page").WithTitle("Golf Ahead of The Open")
            .WithRelated(new RelatedLink("Golf Ahead of The Open")).Build();
        _index.Add(article);

        var alone = Assert.Single(await ResolveAsync(article));
        _index.Add(Story("other", "Golf Ahead of The Open"));
        var withOther = Assert.Single(await ResolveAsync(article));

        Assert.Null(alone.ArticleId);
        Assert.Equal("other", withOther.ArticleId);
    }

    [Fact]
    public async Task A_linked_article_indexed_later_is_found_by_the_next_resolution()
    {
        var article = Page(new RelatedLink("Heartfelt Dilemma of Rural Queenslanders", "https://example.com/qld"));
        _index.Add(article);

        var before = Assert.Single(await ResolveAsync(article));
        _index.Add(Story("qld", "Heartfelt Dilemma of Rural Queenslanders"));
        var after = Assert.Single(await ResolveAsync(article));

        Assert.Null(before.ArticleId);
        Assert.Equal(("qld", "https://example.com/qld"), (after.ArticleId, after.Url));
    }

    [Fact]
    public async Task Searches_titles_only_for_any_of_the_headline_words_without_query_syntax()
    {
        _index.Add(Story("crows", "Crows Soar"));

        await ResolveOneAsync("\"Crows\" -Soar* +to | Victory: (again)");

        var search = Assert.Single(_index.Searches);
        Assert.Equal([ArticleFieldNames.Title], search.SearchFields);
        Assert.Equal((SearchMode.Any, QueryType.Simple), (search.SearchMode, search.QueryType));
        Assert.Equal("Crows Soar to Victory again", search.Query);
    }

    [Fact]
    public async Task A_headline_without_words_is_listed_without_a_search()
    {
        var link = await ResolveOneAsync("— * —");

        Assert.Null(link.ArticleId);
        Assert.Empty(_index.Searches);
    }

    private static Article Story(string id, string title) =>
        ArticleBuilder.Article(id).WithTitle(title).WithBody($"The story filed as {id}.").Build();

    private static Article Page(params RelatedLink[] links) =>
        ArticleBuilder.Article("page").WithTitle("Ukraine Seeks New Peace Talks").WithRelated(links).Build();

    private async Task<EditorialLink> ResolveOneAsync(string headline)
    {
        var page = Page(new RelatedLink(headline));
        _index.Add(page);
        return Assert.Single(await ResolveAsync(page));
    }

    private Task<IReadOnlyList<EditorialLink>> ResolveAsync(Article article) =>
        new EditorialLinkResolver(_index, Options.Create(new RelatedArticlesOptions())).ResolveAsync(article, TestContext.Current.CancellationToken);
}
