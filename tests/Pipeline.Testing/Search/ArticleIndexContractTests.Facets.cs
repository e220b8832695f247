using Pipeline.Core.Search;
using Pipeline.Core.Search.Facets;
using Pipeline.Core.Search.Filtering;
using Xunit;
using static Pipeline.Testing.Articles.ArticleBuilder;

namespace Pipeline.Testing.Search;

/// <summary>Facets: counted over every match of query and filter, not only the page returned.</summary>
public abstract partial class ArticleIndexContractTests
{
    [Fact]
    public async Task Value_facets_count_every_match_most_frequent_first_then_by_value()
    {
        await IndexAsync(
            Article("f1").WithTitle("Harbour one").WithAuthors("Xavier", "Yusuf").Build(),
            Article("f2").WithTitle("Harbour two").WithAuthors("Xavier", "Zara").Build(),
            Article("f3").WithTitle("Harbour three").WithAuthors("Xavier", "Yusuf", "Zara").Build(),
            Article("f4").WithTitle("Harbour four").Build());

        var results = await SearchAsync(new SearchRequest("harbour", Top: 1) { Facets = [new FacetRequest(ArticleFieldNames.Authors)] });

        Assert.Single(results.Hits);
        Assert.Equal([("Xavier", 3L), ("Yusuf", 2L), ("Zara", 2L)], Values(results, ArticleFieldNames.Authors));
    }

    [Fact]
    public async Task Value_facets_return_at_most_the_requested_count()
    {
        await IndexAsync(
            Article("f1").WithTags("Sport", "Rugby").Build(),
            Article("f2").WithTags("Sport", "Cricket").Build(),
            Article("f3").WithTags("Sport", "Rugby").Build());

        var results = await SearchAsync(new SearchRequest("*") { Facets = [new FacetRequest(ArticleFieldNames.Tags, Count: 2)] });

        Assert.Equal([("Sport", 3L), ("Rugby", 2L)], Values(results, ArticleFieldNames.Tags));
    }

    [Fact]
    public async Task Facets_count_only_articles_that_match_the_query_and_the_filter()
    {
        await IndexFilterArticlesAsync();

        var results = await SearchAsync(new SearchRequest("report")
        {
            Filter = new ComparisonFilter(ArticleFieldNames.Published, ComparisonOperator.Ne, null),
            Facets = [new FacetRequest(ArticleFieldNames.Language), new FacetRequest(ArticleFieldNames.Source), new FacetRequest(ArticleFieldNames.Format)],
        });

        Assert.Equal([("en", 2L), ("fr", 1L)], Values(results, ArticleFieldNames.Language));
        Assert.Equal([("bbc", 2L), ("lemonde", 1L)], Values(results, ArticleFieldNames.Source));
        Assert.Equal([("html", 1L), ("json", 1L), ("markdown", 1L)], Values(results, ArticleFieldNames.Format));
    }

    [Fact]
    public async Task Interval_facets_bucket_by_utc_calendar_month_named_by_the_bucket_start()
    {
        await IndexAsync(
            Article("jan").PublishedAt(new DateTimeOffset(2024, 1, 15, 9, 0, 0, TimeSpan.Zero)).Build(),
            // 23:30 on 31 January at UTC-2 is 1 February in UTC.
            Article("feb").PublishedAt(new DateTimeOffset(2024, 1, 31, 23, 30, 0, TimeSpan.FromHours(-2))).Build(),
            Article("mar-a").PublishedAt(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero)).Build(),
            Article("mar-b").PublishedAt(new DateTimeOffset(2024, 3, 31, 23, 59, 0, TimeSpan.Zero)).Build(),
            Article("undated").Build());

        var results = await SearchAsync(new SearchRequest("*") { Facets = [new FacetRequest(ArticleFieldNames.Published, Interval: DateInterval.Month)] });

        var buckets = results.Facets[ArticleFieldNames.Published];
        Assert.Equal(
            [(Utc(2024, 1, 1), 1L), (Utc(2024, 2, 1), 1L), (Utc(2024, 3, 1), 2L)],
            buckets.Select(bucket => (DateTimeOffset.Parse(bucket.Value!, System.Globalization.CultureInfo.InvariantCulture), bucket.Count)));
    }

    [Fact]
    public async Task Interval_facets_by_week_start_on_monday()
    {
        await IndexAsync(
            Article("monday").PublishedAt(Utc(2024, 1, 15)).Build(),
            Article("sunday").PublishedAt(Utc(2024, 1, 21).AddHours(23)).Build(),
            Article("next-monday").PublishedAt(Utc(2024, 1, 22)).Build());

        var results = await SearchAsync(new SearchRequest("*") { Facets = [new FacetRequest(ArticleFieldNames.Published, Interval: DateInterval.Week)] });

        Assert.Equal(
            [(Utc(2024, 1, 15), 2L), (Utc(2024, 1, 22), 1L)],
            results.Facets[ArticleFieldNames.Published].Select(bucket => (DateTimeOffset.Parse(bucket.Value!, System.Globalization.CultureInfo.InvariantCulture), bucket.Count)));
    }

    [Fact]
    public async Task Interval_facets_by_year()
    {
        await IndexAsync(
            Article("2023").PublishedAt(Utc(2023, 12, 31)).Build(),
            Article("2024-a").PublishedAt(Utc(2024, 1, 1)).Build(),
            Article("2024-b").PublishedAt(Utc(2024, 7, 1)).Build());

        var results = await SearchAsync(new SearchRequest("*") { Facets = [new FacetRequest(ArticleFieldNames.Published, Interval: DateInterval.Year)] });

        Assert.Equal(
            [(Utc(2023, 1, 1), 1L), (Utc(2024, 1, 1), 2L)],
            results.Facets[ArticleFieldNames.Published].Select(bucket => (DateTimeOffset.Parse(bucket.Value!, System.Globalization.CultureInfo.InvariantCulture), bucket.Count)));
    }

    [Theory]
    [InlineData(DateInterval.Day, new[] { "2024-05-14T01:00:00Z", "2024-05-14T23:00:00Z", "2024-05-15T00:00:00Z" }, new[] { "2024-05-14", "2024-05-15" }, new[] { 2L, 1L })]
    [InlineData(DateInterval.Quarter, new[] { "2024-02-10T00:00:00Z", "2024-03-31T23:59:00Z", "2024-04-01T00:00:00Z" }, new[] { "2024-01-01", "2024-04-01" }, new[] { 2L, 1L })]
    public async Task Interval_facets_by_day_and_quarter(DateInterval interval, string[] published, string[] bucketStarts, long[] counts)
    {
        await IndexAsync(published.Select((time, i) => Article($"a{i}").PublishedAt(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture)).Build()).ToArray());

        var results = await SearchAsync(new SearchRequest("*") { Facets = [new FacetRequest(ArticleFieldNames.Published, Interval: interval)] });

        Assert.Equal(
            bucketStarts.Select(start => DateTimeOffset.Parse(start + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)).Zip(counts),
            results.Facets[ArticleFieldNames.Published].Select(bucket => (DateTimeOffset.Parse(bucket.Value!, System.Globalization.CultureInfo.InvariantCulture), bucket.Count)));
    }

    [Fact]
    public async Task Range_facets_count_before_between_and_after_the_boundaries()
    {
        await IndexAsync(
            Article("jan").PublishedAt(Utc(2024, 1, 15)).Build(),
            Article("feb-first").PublishedAt(Utc(2024, 2, 1)).Build(),
            Article("mar").PublishedAt(Utc(2024, 3, 10)).Build(),
            Article("apr-first").PublishedAt(Utc(2024, 4, 1)).Build(),
            Article("jun").PublishedAt(Utc(2024, 6, 1)).Build(),
            Article("undated").Build());

        var results = await SearchAsync(new SearchRequest("*")
        {
            Facets = [new FacetRequest(ArticleFieldNames.Published, Boundaries: [Utc(2024, 2, 1), Utc(2024, 4, 1)])],
        });

        var buckets = results.Facets[ArticleFieldNames.Published];
        Assert.Equal(1, buckets.Single(bucket => bucket.From is null && bucket.To == Utc(2024, 2, 1)).Count);
        Assert.Equal(2, buckets.Single(bucket => bucket.From == Utc(2024, 2, 1) && bucket.To == Utc(2024, 4, 1)).Count);
        Assert.Equal(2, buckets.Single(bucket => bucket.From == Utc(2024, 4, 1) && bucket.To is null).Count);
    }

    [Fact]
    public async Task A_facet_on_a_field_that_is_not_facetable_is_an_invalid_request()
    {
        await IndexAsync(Article("one").Build());

        var error = await Assert.ThrowsAsync<InvalidSearchRequestException>(
            () => SearchAsync(new SearchRequest("*") { Facets = [new FacetRequest(ArticleFieldNames.Body)] }));

        Assert.Equal("facet", error.Parameter);
    }

    [Fact]
    public async Task Without_facet_requests_results_have_no_facets()
    {
        await IndexAsync(Article("one").WithTags("Sport").Build());

        Assert.Empty((await SearchAsync("*")).Facets);
    }

    private static DateTimeOffset Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    private static IEnumerable<(string?, long)> Values(SearchResults results, string field) =>
        results.Facets[field].Select(bucket => (bucket.Value, bucket.Count));
}
