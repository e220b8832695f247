using System.Globalization;
using System.Net;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Facets;

namespace Pipeline.Search.AzureAISearch.Tests;

/// <summary>How the service's search answers are read: hits, highlights, facets, counts.</summary>
public sealed class SearchResponseTests
{
    private readonly FakeSearchService _service = new();

    [Fact]
    public async Task Hits_carry_the_fields_a_result_list_shows()
    {
        _service.Search = (HttpStatusCode.OK, """
            {
              "value": [{
                "@search.score": 2.25,
                "id": "bbc-tech-001-1a2b3c4d",
                "title": "Ink helps drive democracy in Asia",
                "authors": [],
                "tags": ["elections", "technology"],
                "language": "en",
                "source": "bbc",
                "siteName": "BBC News",
                "format": "plainText",
                "summary": "The Kyrgyz Republic is using invisible ink."
              }]
            }
            """);

        var hit = (await SearchAsync(new SearchRequest("ink"))).Hits.Single();

        Assert.Equal(2.25, hit.Score);
        Assert.Equal(["elections", "technology"], hit.Tags);
        Assert.Equal("en", hit.Language);
        Assert.Equal("bbc", hit.Source);
        Assert.Equal("BBC News", hit.SiteName);
        Assert.Equal("plainText", hit.Format);
        Assert.Equal("The Kyrgyz Republic is using invisible ink.", hit.Summary);
        Assert.Null(hit.Published);
        Assert.Null(hit.Highlights);
    }

    [Fact]
    public async Task The_default_snippet_is_the_summary_html_escaped()
    {
        _service.Search = (HttpStatusCode.OK, """
            {
              "value": [{
                "@search.score": 1.5,
                "id": "ink", "title": "Ink helps drive democracy", "authors": [],
                "summary": "Voters' fingers are marked with <invisible> ink & checked."
              }]
            }
            """);

        var hit = (await SearchAsync(new SearchRequest("ink"))).Hits.Single();

        Assert.Equal("Voters&#39; fingers are marked with &lt;invisible&gt; ink &amp; checked.", hit.Snippet);
    }

    [Fact]
    public async Task Highlighting_only_the_title_keeps_the_summary_as_the_snippet()
    {
        _service.Search = (HttpStatusCode.OK, """
            {
              "value": [{
                "@search.score": 1.5,
                "@search.highlights": { "title": ["\uE000Ink\uE001 helps drive democracy"] },
                "id": "ink", "title": "Ink helps drive democracy", "authors": [],
                "summary": "Voters are marked with ink."
              }]
            }
            """);

        var hit = (await SearchAsync(new SearchRequest("ink") { Highlight = new HighlightRequest([ArticleFieldNames.Title]) })).Hits.Single();

        Assert.Equal("Voters are marked with ink.", hit.Snippet);
    }

    [Fact]
    public async Task Requested_highlights_use_the_callers_tags_and_escape_the_text_around_them()
    {
        _service.Search = (HttpStatusCode.OK, """
            {
              "value": [{
                "@search.score": 1.5,
                "@search.highlights": {
                  "title": ["\uE000Ceasefire\uE001 <talks> resume"],
                  "body": ["A \uE000ceasefire\uE001 & aid deal.", "Second \uE000ceasefire\uE001 fragment."]
                },
                "id": "talks", "title": "Ceasefire <talks> resume", "authors": []
              }]
            }
            """);

        var hit = (await SearchAsync(new SearchRequest("ceasefire")
        {
            Highlight = new HighlightRequest([ArticleFieldNames.Title, ArticleFieldNames.Body], "<mark>", "</mark>"),
        })).Hits.Single();

        Assert.NotNull(hit.Highlights);
        Assert.Equal(["<mark>Ceasefire</mark> &lt;talks&gt; resume"], hit.Highlights[ArticleFieldNames.Title]);
        Assert.Equal(["A <mark>ceasefire</mark> &amp; aid deal.", "Second <mark>ceasefire</mark> fragment."], hit.Highlights[ArticleFieldNames.Body]);
        Assert.Equal("A <em>ceasefire</em> &amp; aid deal.", hit.Snippet);
    }

    [Fact]
    public async Task A_requested_field_without_matches_is_left_out()
    {
        _service.Search = (HttpStatusCode.OK, """
            { "value": [{ "@search.score": 1, "@search.highlights": { "body": ["a \uE000ceasefire\uE001"] }, "id": "talks", "title": "Talks", "authors": [] }] }
            """);

        var hit = (await SearchAsync(new SearchRequest("ceasefire") { Highlight = new HighlightRequest([ArticleFieldNames.Title]) })).Hits.Single();

        Assert.False(hit.Highlights!.ContainsKey(ArticleFieldNames.Title));
    }

    [Fact]
    public async Task Value_facets_become_buckets_most_frequent_first_then_by_value()
    {
        _service.Search = (HttpStatusCode.OK, """
            {
              "@search.facets": {
                "tags": [ { "count": 7, "value": "politics" }, { "count": 3, "value": "sport" }, { "count": 3, "value": "economy" } ],
                "language": [ { "count": 10, "value": "en" } ]
              },
              "value": []
            }
            """);

        var results = await SearchAsync(new SearchRequest("*") { Facets = [new FacetRequest(ArticleFieldNames.Tags), new FacetRequest(ArticleFieldNames.Language)] });

        Assert.Equal(
            [new FacetBucket(7) { Value = "politics" }, new FacetBucket(3) { Value = "economy" }, new FacetBucket(3) { Value = "sport" }],
            results.Facets[ArticleFieldNames.Tags]);
        Assert.Equal([new FacetBucket(10) { Value = "en" }], results.Facets[ArticleFieldNames.Language]);
    }

    [Fact]
    public async Task Interval_facet_buckets_are_named_by_their_start_and_bounded_by_the_next()
    {
        _service.Search = (HttpStatusCode.OK, """
            {
              "@search.facets": {
                "published": [ { "count": 4, "value": "2024-11-01T00:00:00Z" }, { "count": 2, "value": "2024-12-01T00:00:00Z" } ]
              },
              "value": []
            }
            """);

        var results = await SearchAsync(new SearchRequest("*") { Facets = [new FacetRequest(ArticleFieldNames.Published, Interval: DateInterval.Month)] });

        var november = new DateTimeOffset(2024, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var december = new DateTimeOffset(2024, 12, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(
            [
                new FacetBucket(4) { Value = "2024-11-01T00:00:00Z", From = november, To = december },
                new FacetBucket(2) { Value = "2024-12-01T00:00:00Z", From = december, To = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero) },
            ],
            results.Facets[ArticleFieldNames.Published]);
    }

    [Theory]
    [InlineData(DateInterval.Day, "2024-05-14T00:00:00Z", "2024-05-15T00:00:00Z")]
    [InlineData(DateInterval.Week, "2024-05-13T00:00:00Z", "2024-05-20T00:00:00Z")]
    [InlineData(DateInterval.Quarter, "2024-04-01T00:00:00Z", "2024-07-01T00:00:00Z")]
    [InlineData(DateInterval.Year, "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z")]
    public async Task Interval_facet_buckets_end_one_interval_after_they_start(DateInterval interval, string start, string end)
    {
        _service.Search = (HttpStatusCode.OK, $$"""{ "@search.facets": { "published": [ { "count": 1, "value": "{{start}}" } ] }, "value": [] }""");

        var results = await SearchAsync(new SearchRequest("*") { Facets = [new FacetRequest(ArticleFieldNames.Published, Interval: interval)] });

        var bucket = Assert.Single(results.Facets[ArticleFieldNames.Published]);
        Assert.Equal(start, bucket.Value);
        Assert.Equal(DateTimeOffset.Parse(start, CultureInfo.InvariantCulture), bucket.From);
        Assert.Equal(DateTimeOffset.Parse(end, CultureInfo.InvariantCulture), bucket.To);
    }

    [Fact]
    public async Task Range_facet_buckets_have_open_ends_outside_the_boundaries()
    {
        _service.Search = (HttpStatusCode.OK, """
            {
              "@search.facets": {
                "published": [
                  { "count": 1, "to": "2024-01-01T00:00:00.000Z" },
                  { "count": 5, "from": "2024-01-01T00:00:00.000Z", "to": "2025-01-01T00:00:00.000Z" },
                  { "count": 2, "from": "2025-01-01T00:00:00.000Z" }
                ]
              },
              "value": []
            }
            """);
        DateTimeOffset[] boundaries = [new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)];

        var results = await SearchAsync(new SearchRequest("*") { Facets = [new FacetRequest(ArticleFieldNames.Published, Boundaries: boundaries)] });

        Assert.Equal(
            [
                new FacetBucket(1) { To = boundaries[0] },
                new FacetBucket(5) { From = boundaries[0], To = boundaries[1] },
                new FacetBucket(2) { From = boundaries[1] },
            ],
            results.Facets[ArticleFieldNames.Published]);
    }

    [Fact]
    public async Task A_requested_facet_the_service_left_out_is_empty()
    {
        var results = await SearchAsync(new SearchRequest("*") { Facets = [new FacetRequest(ArticleFieldNames.SiteName)] });

        Assert.Empty(results.Facets[ArticleFieldNames.SiteName]);
    }

    [Fact]
    public async Task The_total_is_null_when_not_asked_for()
    {
        _service.Search = (HttpStatusCode.OK, """{ "@odata.count": 3, "value": [] }""");

        var counted = await SearchAsync(new SearchRequest("*"));
        var uncounted = await SearchAsync(new SearchRequest("*") { IncludeTotalCount = false });

        Assert.Equal(3, counted.TotalCount);
        Assert.Null(uncounted.TotalCount);
    }

    private Task<SearchResults> SearchAsync(SearchRequest request) => _service.CreateIndex().SearchAsync(request, TestContext.Current.CancellationToken);
}
