using Pipeline.Core.Articles;
using Pipeline.Core.Search;
using Xunit;
using static Pipeline.Testing.Articles.ArticleBuilder;

namespace Pipeline.Testing.Search;

/// <summary>Search modes, searched fields, the full Lucene syntax, ordering, counting and what hits carry.</summary>
public abstract partial class ArticleIndexContractTests
{
    [Fact]
    public async Task Search_mode_all_requires_every_word()
    {
        await IndexStormArticlesAsync();

        var all = await MatchingIdsAsync(new SearchRequest("storm coastal") { SearchMode = SearchMode.All });
        var any = await MatchingIdsAsync(new SearchRequest("storm coastal") { SearchMode = SearchMode.Any });

        Assert.Equal(["coast"], all);
        Assert.Equal(["coast", "harbour", "stadium"], any);
    }

    [Fact]
    public async Task Search_mode_all_still_applies_exclusions()
    {
        await IndexStormArticlesAsync();

        Assert.Equal(["coast"], await MatchingIdsAsync(new SearchRequest("storm -football") { SearchMode = SearchMode.All }));
    }

    [Fact]
    public async Task Search_fields_restrict_where_words_may_match()
    {
        await IndexAsync(
            Article("in-title").WithTitle("Lighthouse keeper retires").WithBody("A long career ends.").Build(),
            Article("in-body").WithTitle("Coast news").WithBody("The lighthouse was repainted.").Build(),
            Article("in-tags").WithTitle("Coast photos").WithTags("Lighthouse").Build());

        Assert.Equal(["in-title"], await MatchingIdsAsync(new SearchRequest("lighthouse") { SearchFields = [ArticleFieldNames.Title] }));
        Assert.Equal(["in-body"], await MatchingIdsAsync(new SearchRequest("lighthouse") { SearchFields = [ArticleFieldNames.Body] }));
        Assert.Equal(["in-tags"], await MatchingIdsAsync(new SearchRequest("lighthouse") { SearchFields = [ArticleFieldNames.Tags] }));
        Assert.Equal(["in-body", "in-tags", "in-title"], await MatchingIdsAsync(new SearchRequest("lighthouse")));
    }

    [Fact]
    public async Task Search_fields_naming_a_field_that_is_not_searchable_is_an_invalid_request()
    {
        await IndexAsync(Article("one").Build());

        var error = await Assert.ThrowsAsync<InvalidSearchRequestException>(
            () => SearchAsync(new SearchRequest("harbour") { SearchFields = [ArticleFieldNames.Language] }));

        Assert.Equal("searchFields", error.Parameter);
    }

    [Fact]
    public async Task Full_syntax_searches_a_named_field()
    {
        await IndexAsync(
            Article("in-title").WithTitle("Harbour reopens").WithBody("Boats return.").Build(),
            Article("in-body").WithTitle("Coast news").WithBody("The harbour was dredged.").Build());

        Assert.Equal(["in-title"], await MatchingIdsAsync(Full("title:harbour")));
        Assert.Equal(["in-body"], await MatchingIdsAsync(Full("body:harbour")));
    }

    [Theory]
    [InlineData("storm AND coastal", new[] { "coast" })]
    [InlineData("storm && coastal", new[] { "coast" })]
    [InlineData("football OR harbour", new[] { "harbour", "stadium" })]
    [InlineData("storm NOT football", new[] { "coast" })]
    [InlineData("storm AND (football OR coastal)", new[] { "coast", "stadium" })]
    [InlineData("+storm -coastal", new[] { "stadium" })]
    public async Task Full_syntax_combines_terms_with_boolean_operators(string query, string[] expected)
    {
        await IndexStormArticlesAsync();

        Assert.Equal(expected, await MatchingIdsAsync(Full(query)));
    }

    [Fact]
    public async Task Full_syntax_fuzzy_terms_tolerate_typos()
    {
        await IndexAsync(
            Article("volcano").WithTitle("Volcano erupts near village").Build(),
            Article("harbour").WithTitle("Harbour reopens").Build());

        Assert.Equal(["volcano"], await MatchingIdsAsync(Full("vulcano~1")));
        Assert.Empty(await MatchingIdsAsync(Full("vulcano")));
    }

    [Fact]
    public async Task Full_syntax_proximity_matches_words_within_the_given_distance()
    {
        await IndexAsync(
            Article("near").WithBody("Officials said climate change is urgent.").Build(),
            Article("far").WithBody("The climate summit opened in the capital and, after many long hours of talks, delegates called it urgent.").Build());

        Assert.Equal(["near"], await MatchingIdsAsync(Full("\"climate urgent\"~4")));
        Assert.Empty(await MatchingIdsAsync(Full("\"climate urgent\"")));
    }

    [Fact]
    public async Task Full_syntax_boosts_change_the_ranking()
    {
        await IndexAsync(
            Article("storm").WithTitle("Storm warning").WithBody("Gales expected.").Build(),
            Article("harbour").WithTitle("Harbour news").WithBody("Boats expected.").Build());

        Assert.Equal(["harbour", "storm"], await SearchIdsAsync(Full("storm harbour^10")));
        Assert.Equal(["storm", "harbour"], await SearchIdsAsync(Full("storm^10 harbour")));
    }

    [Fact]
    public async Task Full_syntax_phrases_and_prefixes_work_as_in_the_simple_syntax()
    {
        await IndexAsync(
            Article("adjacent").WithBody("Officials said climate change is accelerating.").Build(),
            Article("apart").WithBody("The change in policy came after a climate summit.").Build());

        Assert.Equal(["adjacent"], await MatchingIdsAsync(Full("\"climate change\"")));
        Assert.Equal(["adjacent"], await MatchingIdsAsync(Full("accel*")));
    }

    [Theory]
    [InlineData("title:(storm")]
    [InlineData("storm AND")]
    [InlineData("\"unclosed phrase")]
    [InlineData("storm^")]
    [InlineData("[a TO")]
    public async Task Full_syntax_errors_are_invalid_requests_about_the_query(string query)
    {
        await IndexStormArticlesAsync();

        var error = await Assert.ThrowsAsync<InvalidSearchRequestException>(() => SearchAsync(Full(query)));

        Assert.Equal("q", error.Parameter);
    }

    [Fact]
    public async Task Full_syntax_naming_a_field_that_is_not_searchable_is_an_invalid_request()
    {
        await IndexStormArticlesAsync();

        var error = await Assert.ThrowsAsync<InvalidSearchRequestException>(() => SearchAsync(Full("nosuchfield:storm")));

        Assert.Equal("q", error.Parameter);
    }

    [Fact]
    public async Task Order_by_published_descending_puts_the_newest_first_and_undated_last()
    {
        await IndexDatedArticlesAsync();

        var ids = await SearchIdsAsync(new SearchRequest("tide") { OrderBy = [new OrderByClause(ArticleFieldNames.Published, Descending: true)] });

        Assert.Equal(["june", "march", "january", "undated"], ids);
    }

    [Fact]
    public async Task Order_by_published_ascending_puts_the_oldest_first_and_undated_last()
    {
        await IndexDatedArticlesAsync();

        var ids = await SearchIdsAsync(new SearchRequest("tide") { OrderBy = [new OrderByClause(ArticleFieldNames.Published, Descending: false)] });

        Assert.Equal(["january", "march", "june", "undated"], ids);
    }

    [Fact]
    public async Task Order_by_score_ranks_by_relevance_either_way()
    {
        await IndexAsync(
            Article("title-match").WithTitle("Volcano erupts").WithBody("Ash fell.").Build(),
            Article("body-match").WithTitle("Travel news").WithBody("Flights were delayed by the volcano.").Build());

        var descending = await SearchIdsAsync(new SearchRequest("volcano") { OrderBy = [new OrderByClause(OrderByClause.Score, Descending: true)] });
        var ascending = await SearchIdsAsync(new SearchRequest("volcano") { OrderBy = [new OrderByClause(OrderByClause.Score, Descending: false)] });

        Assert.Equal(["title-match", "body-match"], descending);
        Assert.Equal(["body-match", "title-match"], ascending);
    }

    [Fact]
    public async Task Order_by_a_field_that_is_not_sortable_is_an_invalid_request()
    {
        await IndexAsync(Article("one").Build());

        var error = await Assert.ThrowsAsync<InvalidSearchRequestException>(
            () => SearchAsync(new SearchRequest("*") { OrderBy = [new OrderByClause(ArticleFieldNames.Title, Descending: false)] }));

        Assert.Equal("orderby", error.Parameter);
    }

    [Fact]
    public async Task Without_a_count_request_the_total_is_not_given_but_hits_are()
    {
        await IndexStormArticlesAsync();

        var results = await SearchAsync(new SearchRequest("storm") { IncludeTotalCount = false });

        Assert.Null(results.TotalCount);
        Assert.Equal(2, results.Hits.Count);
    }

    [Fact]
    public async Task Queries_in_non_latin_scripts_find_their_articles()
    {
        await IndexAsync(
            Article("greek").WithTitle("Νέα από την Αθήνα").WithBody("Η Αθήνα φιλοξενεί το συνέδριο.").Build(),
            Article("japanese").WithTitle("東京の天気").WithBody("東京は晴れです。").Build(),
            Article("english").WithTitle("Harbour reopens").Build());

        Assert.Equal(["greek"], await MatchingIdsAsync(new SearchRequest("Αθήνα")));
        Assert.Equal(["japanese"], await MatchingIdsAsync(new SearchRequest("東京")));
    }

    [Fact]
    public async Task Hits_carry_tags_language_source_site_format_and_summary()
    {
        await IndexAsync(Article("rich").WithTitle("Ferry service restored").WithBody("The ferry crossed at dawn.")
            .FromBlob("bbc/travel/ferry.html").WithFormat(ArticleFormat.Html).WithLanguage("en").WithSiteName("BBC News")
            .WithTags("Travel", "Islands").WithSummary("The ferry crossed at dawn.").Build());

        var hit = (await SearchAsync("ferry")).Hits.Single();

        Assert.Equal(["Travel", "Islands"], hit.Tags);
        Assert.Equal("en", hit.Language);
        Assert.Equal("bbc", hit.Source);
        Assert.Equal("BBC News", hit.SiteName);
        Assert.Equal("html", hit.Format);
        Assert.Equal("The ferry crossed at dawn.", hit.Summary);
    }

    [Fact]
    public async Task Hits_of_an_article_without_optional_values_leave_them_empty()
    {
        await IndexAsync(Article("bare").WithTitle("Ferry late").FromBlob("ferry.txt").WithLanguage(null).Build());

        var hit = (await SearchAsync("ferry")).Hits.Single();

        Assert.Empty(hit.Tags);
        Assert.Null(hit.Language);
        Assert.Null(hit.Source);
        Assert.Null(hit.SiteName);
        Assert.Equal("plainText", hit.Format);
        Assert.Null(hit.Summary);
        Assert.Null(hit.Highlights);
    }

    protected Task IndexStormArticlesAsync() => IndexAsync(
        Article("coast").WithTitle("Storm floods the coastal town").Build(),
        Article("stadium").WithTitle("Storm halts football match").Build(),
        Article("harbour").WithTitle("Coastal harbour reopens").Build());

    private Task IndexDatedArticlesAsync() => IndexAsync(
        Article("march").WithTitle("Spring tide").PublishedAt(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero)).Build(),
        Article("undated").WithTitle("Tide tables").Build(),
        Article("june").WithTitle("Summer tide").PublishedAt(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero)).Build(),
        Article("january").WithTitle("Winter tide").PublishedAt(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)).Build());

    private static SearchRequest Full(string query) => new(query) { QueryType = QueryType.Full };
}
