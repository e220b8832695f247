using Pipeline.Core.Articles;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Filtering;
using Xunit;
using static Pipeline.Testing.Articles.ArticleBuilder;

namespace Pipeline.Testing.Search;

/// <summary>Filters: OData semantics over exact values, whatever the backend.</summary>
public abstract partial class ArticleIndexContractTests
{
    private static readonly DateTimeOffset January15 = new(2024, 1, 15, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset March10 = new(2024, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset June1 = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Filter_eq_matches_a_string_field_exactly()
    {
        await IndexFilterArticlesAsync();

        Assert.Equal(["bbc-politics", "bbc-sport"], await FilterAsync(Eq(ArticleFieldNames.Language, "en")));
        Assert.Empty(await FilterAsync(Eq(ArticleFieldNames.Language, "EN")));
        Assert.Equal(["lemonde"], await FilterAsync(Eq(ArticleFieldNames.SiteName, "Le Monde")));
        Assert.Empty(await FilterAsync(Eq(ArticleFieldNames.SiteName, "Le")));
    }

    [Fact]
    public async Task Filter_ne_also_matches_articles_without_a_value()
    {
        await IndexFilterArticlesAsync();

        Assert.Equal(["lemonde", "undated"], await FilterAsync(new ComparisonFilter(ArticleFieldNames.Language, ComparisonOperator.Ne, "en")));
    }

    [Fact]
    public async Task Filter_eq_null_matches_articles_without_a_value_and_ne_null_those_with_one()
    {
        await IndexFilterArticlesAsync();

        Assert.Equal(["undated"], await FilterAsync(Eq(ArticleFieldNames.Language, null)));
        Assert.Equal(["bbc-politics", "lemonde"], await FilterAsync(new ComparisonFilter(ArticleFieldNames.SiteName, ComparisonOperator.Ne, null)));
    }

    [Fact]
    public async Task Filter_on_source_uses_the_top_folder_of_the_blob_name()
    {
        await IndexFilterArticlesAsync();

        Assert.Equal(["bbc-politics", "bbc-sport"], await FilterAsync(Eq(ArticleFieldNames.Source, "bbc")));
        Assert.Equal(["undated"], await FilterAsync(Eq(ArticleFieldNames.Source, null)));
    }

    [Fact]
    public async Task Filter_on_format_uses_the_api_spelling()
    {
        await IndexFilterArticlesAsync();

        Assert.Equal(["bbc-politics"], await FilterAsync(Eq(ArticleFieldNames.Format, "html")));
        Assert.Equal(["undated"], await FilterAsync(Eq(ArticleFieldNames.Format, "plainText")));
    }

    [Theory]
    [InlineData(ComparisonOperator.Lt, "fr", new[] { "bbc-politics", "bbc-sport" })]
    [InlineData(ComparisonOperator.Le, "fr", new[] { "bbc-politics", "bbc-sport", "lemonde" })]
    [InlineData(ComparisonOperator.Gt, "en", new[] { "lemonde" })]
    [InlineData(ComparisonOperator.Ge, "en", new[] { "bbc-politics", "bbc-sport", "lemonde" })]
    public async Task Filter_ranges_on_strings_compare_ordinally_and_skip_missing_values(ComparisonOperator op, string value, string[] expected)
    {
        await IndexFilterArticlesAsync();

        Assert.Equal(expected, await FilterAsync(new ComparisonFilter(ArticleFieldNames.Language, op, value)));
    }

    [Fact]
    public async Task Filter_ranges_on_published_never_match_articles_without_a_date()
    {
        await IndexFilterArticlesAsync();

        Assert.Equal(["bbc-sport", "lemonde"], await FilterAsync(new ComparisonFilter(ArticleFieldNames.Published, ComparisonOperator.Ge, March10)));
        Assert.Equal(["bbc-sport"], await FilterAsync(new ComparisonFilter(ArticleFieldNames.Published, ComparisonOperator.Gt, March10)));
        Assert.Equal(["bbc-politics"], await FilterAsync(new ComparisonFilter(ArticleFieldNames.Published, ComparisonOperator.Lt, March10)));
        Assert.Equal(["bbc-politics", "lemonde"], await FilterAsync(new ComparisonFilter(ArticleFieldNames.Published, ComparisonOperator.Le, March10)));
    }

    [Fact]
    public async Task Filter_eq_on_published_compares_instants_whatever_the_offset()
    {
        await IndexFilterArticlesAsync();

        var sameInstant = January15.ToOffset(TimeSpan.FromHours(-5));

        Assert.Equal(["bbc-politics"], await FilterAsync(Eq(ArticleFieldNames.Published, sameInstant)));
        Assert.Equal(["bbc-sport", "lemonde", "undated"], await FilterAsync(new ComparisonFilter(ArticleFieldNames.Published, ComparisonOperator.Ne, sameInstant)));
    }

    [Fact]
    public async Task Filter_published_eq_null_matches_articles_without_a_date()
    {
        await IndexFilterArticlesAsync();

        Assert.Equal(["undated"], await FilterAsync(Eq(ArticleFieldNames.Published, null)));
        Assert.Equal(["bbc-politics", "bbc-sport", "lemonde"], await FilterAsync(new ComparisonFilter(ArticleFieldNames.Published, ComparisonOperator.Ne, null)));
    }

    [Fact]
    public async Task Filter_not_and_or_combine_like_boolean_logic()
    {
        await IndexFilterArticlesAsync();

        Assert.Equal(["lemonde", "undated"], await FilterAsync(new NotFilter(Eq(ArticleFieldNames.Language, "en"))));
        Assert.Equal(["bbc-sport"], await FilterAsync(new AndFilter(Eq(ArticleFieldNames.Language, "en"), new NotFilter(Eq(ArticleFieldNames.SiteName, "BBC News")))));
        Assert.Equal(["bbc-politics", "lemonde"], await FilterAsync(new OrFilter(Eq(ArticleFieldNames.Format, "html"), Eq(ArticleFieldNames.Language, "fr"))));
    }

    [Fact]
    public async Task Filter_search_in_matches_any_of_the_listed_values()
    {
        await IndexFilterArticlesAsync();

        Assert.Equal(["bbc-politics", "bbc-sport", "lemonde"], await FilterAsync(new SearchInFilter(ArticleFieldNames.Language, ["fr", "en", "de"])));
        Assert.Empty(await FilterAsync(new SearchInFilter(ArticleFieldNames.Language, ["de"])));
    }

    [Fact]
    public async Task Filter_any_matches_articles_with_an_element_equal_to_the_value_case_sensitively()
    {
        await IndexFilterArticlesAsync();

        Assert.Equal(["bbc-politics"], await FilterAsync(AnyTag(Eq(ArticleFieldNames.Tags, "Politics"))));
        Assert.Equal(["lemonde"], await FilterAsync(AnyTag(Eq(ArticleFieldNames.Tags, "politics"))));
        Assert.Equal(
            ["bbc-politics", "lemonde"],
            await FilterAsync(new AnyFilter(ArticleFieldNames.Authors, Eq(ArticleFieldNames.Authors, "Ada Lovelace"))));
    }

    [Fact]
    public async Task Filter_any_with_search_in_or_or_matches_articles_with_one_of_the_values()
    {
        await IndexFilterArticlesAsync();

        Assert.Equal(["bbc-politics", "bbc-sport"], await FilterAsync(AnyTag(new SearchInFilter(ArticleFieldNames.Tags, ["Sport", "Economy"]))));
        Assert.Equal(["bbc-sport", "lemonde"], await FilterAsync(AnyTag(new OrFilter(Eq(ArticleFieldNames.Tags, "Sport"), Eq(ArticleFieldNames.Tags, "politics")))));
    }

    [Fact]
    public async Task Filter_any_without_a_predicate_matches_non_empty_collections()
    {
        await IndexFilterArticlesAsync();

        Assert.Equal(["bbc-politics", "bbc-sport", "lemonde"], await FilterAsync(new AnyFilter(ArticleFieldNames.Tags, null)));
        Assert.Equal(["undated"], await FilterAsync(new NotFilter(new AnyFilter(ArticleFieldNames.Tags, null))));
    }

    [Fact]
    public async Task Filter_applies_to_the_query_and_the_total_count()
    {
        await IndexFilterArticlesAsync();

        var results = await SearchAsync(new SearchRequest("report") { Filter = Eq(ArticleFieldNames.Language, "en") });

        Assert.Equal(2, results.TotalCount);
        Assert.Equal(["bbc-politics", "bbc-sport"], results.Hits.Select(hit => hit.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Filter_on_a_field_that_is_not_filterable_is_an_invalid_request()
    {
        await IndexFilterArticlesAsync();

        var error = await Assert.ThrowsAsync<InvalidSearchRequestException>(() => FilterAsync(Eq(ArticleFieldNames.Body, "report")));

        Assert.Equal("filter", error.Parameter);
    }

    [Fact]
    public async Task Filter_comparing_a_collection_without_any_is_an_invalid_request()
    {
        await IndexFilterArticlesAsync();

        var error = await Assert.ThrowsAsync<InvalidSearchRequestException>(() => FilterAsync(Eq(ArticleFieldNames.Tags, "Sport")));

        Assert.Equal("filter", error.Parameter);
    }

    /// <summary>Four articles that differ in every filterable field; all of them mention "report" in the body.</summary>
    protected Task IndexFilterArticlesAsync() => IndexAsync(
        Article("bbc-politics").WithTitle("Budget vote").WithBody("A report on the budget.").FromBlob("bbc/politics/001.html")
            .WithFormat(ArticleFormat.Html).WithLanguage("en").WithSiteName("BBC News").WithAuthors("Ada Lovelace")
            .WithTags("Politics", "Economy").PublishedAt(January15).Build(),
        Article("bbc-sport").WithTitle("Cup final").WithBody("A match report.").FromBlob("bbc/sport/002.md")
            .WithFormat(ArticleFormat.Markdown).WithLanguage("en").WithTags("Sport").PublishedAt(June1).Build(),
        Article("lemonde").WithTitle("Vote au parlement").WithBody("Un report du vote.").FromBlob("lemonde/003.json")
            .WithFormat(ArticleFormat.Json).WithLanguage("fr").WithSiteName("Le Monde").WithAuthors("Charles Babbage", "Ada Lovelace")
            .WithTags("politics").PublishedAt(March10).Build(),
        Article("undated").WithTitle("Notes").WithBody("An undated report.").FromBlob("notes.txt").WithLanguage(null).Build());

    protected Task<IReadOnlyList<string>> FilterAsync(FilterExpression filter) =>
        MatchingIdsAsync(new SearchRequest("*") { Filter = filter });

    private static ComparisonFilter Eq(string field, object? value) => new(field, ComparisonOperator.Eq, value);

    private static AnyFilter AnyTag(FilterExpression predicate) => new(ArticleFieldNames.Tags, predicate);
}
