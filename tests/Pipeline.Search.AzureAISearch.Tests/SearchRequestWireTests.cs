using System.Text.Json.Nodes;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Facets;
using Pipeline.Core.Search.Filtering;

namespace Pipeline.Search.AzureAISearch.Tests;

/// <summary>What a search request becomes on the wire: the REST body the service is sent for each feature.</summary>
public sealed class SearchRequestWireTests
{
    private readonly FakeSearchService _service = new();

    [Fact]
    public async Task Full_syntax_goes_to_the_service_as_typed()
    {
        var body = await SendAsync(new SearchRequest("title:ceasefire AND (aid~1 OR \"peace talks\"~2)") { QueryType = QueryType.Full });

        Assert.Equal("title:ceasefire AND (aid~1 OR \"peace talks\"~2)", (string?)body["search"]);
        Assert.Equal("full", (string?)body["queryType"]);
        Assert.Equal("any", (string?)body["searchMode"]);
    }

    [Fact]
    public async Task An_empty_full_query_matches_all_newest_first()
    {
        var body = await SendAsync(new SearchRequest(" ") { QueryType = QueryType.Full });

        Assert.Equal("*", (string?)body["search"]);
        Assert.Equal("published desc,id asc", (string?)body["orderby"]);
    }

    [Fact]
    public async Task Search_mode_all_makes_every_simple_term_required()
    {
        var body = await SendAsync(new SearchRequest("peace talks -sport") { SearchMode = SearchMode.All });

        Assert.Equal("peace talks -sport", (string?)body["search"]);
        Assert.Equal("all", (string?)body["searchMode"]);
    }

    [Fact]
    public async Task Named_search_fields_are_the_only_ones_searched()
    {
        var body = await SendAsync(new SearchRequest("ceasefire") { SearchFields = [ArticleFieldNames.Title, ArticleFieldNames.Tags] });

        Assert.Equal("title,tags", (string?)body["searchFields"]);
    }

    [Fact]
    public async Task Without_search_fields_the_public_searchable_fields_are_searched_and_not_keyphrases()
    {
        var body = await SendAsync(new SearchRequest("ceasefire"));

        Assert.Equal("title,body,authors,tags", (string?)body["searchFields"]);
    }

    [Fact]
    public async Task A_filter_is_sent_as_odata_text()
    {
        var filter = new AndFilter(
            new AnyFilter(ArticleFieldNames.Tags, new ComparisonFilter(ArticleFieldNames.Tags, ComparisonOperator.Eq, "Ukraine's war")),
            new ComparisonFilter(ArticleFieldNames.Published, ComparisonOperator.Ge, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        var body = await SendAsync(new SearchRequest("ceasefire") { Filter = filter });

        Assert.Equal("tags/any(t: t eq 'Ukraine''s war') and published ge 2024-01-01T00:00:00Z", (string?)body["filter"]);
    }

    [Fact]
    public async Task Value_facets_ask_for_the_most_frequent_values()
    {
        var body = await SendAsync(new SearchRequest("*") { Facets = [new FacetRequest(ArticleFieldNames.Tags, Count: 5), new FacetRequest(ArticleFieldNames.Source)] });

        Assert.Equal(["tags,count:5,sort:count", "source,count:10,sort:count"], Strings(body["facets"]));
    }

    [Fact]
    public async Task A_date_interval_facet_names_the_interval()
    {
        var body = await SendAsync(new SearchRequest("*") { Facets = [new FacetRequest(ArticleFieldNames.Published, Interval: DateInterval.Month)] });

        Assert.Equal(["published,interval:month"], Strings(body["facets"]));
    }

    [Fact]
    public async Task A_date_range_facet_lists_its_boundaries_in_utc()
    {
        DateTimeOffset[] boundaries = [new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2025, 1, 1, 1, 0, 0, TimeSpan.FromHours(1))];

        var body = await SendAsync(new SearchRequest("*") { Facets = [new FacetRequest(ArticleFieldNames.Published, Boundaries: boundaries)] });

        Assert.Equal(["published,values:2024-01-01T00:00:00Z|2025-01-01T00:00:00Z"], Strings(body["facets"]));
    }

    [Fact]
    public async Task Highlights_ask_for_private_markers_on_the_requested_fields_only()
    {
        var body = await SendAsync(new SearchRequest("ceasefire") { Highlight = new HighlightRequest([ArticleFieldNames.Title], "<mark>", "</mark>") });

        Assert.Equal("title", (string?)body["highlight"]);
        Assert.Equal("\uE000", (string?)body["highlightPreTag"]);
        Assert.Equal("\uE001", (string?)body["highlightPostTag"]);
    }

    [Fact]
    public async Task Without_a_highlight_request_no_highlights_are_asked_for()
    {
        var body = await SendAsync(new SearchRequest("ceasefire"));

        Assert.Null(body["highlight"]);
        Assert.Null(body["highlightPreTag"]);
    }

    [Fact]
    public async Task Order_by_is_sent_with_undated_articles_last_and_the_id_breaking_ties()
    {
        var body = await SendAsync(new SearchRequest("ceasefire")
        {
            OrderBy = [new OrderByClause(ArticleFieldNames.Published, Descending: false), new OrderByClause(OrderByClause.Score, Descending: true)],
        });

        Assert.Equal("undated asc,published asc,search.score() desc,id asc", (string?)body["orderby"]);
    }

    [Fact]
    public async Task A_relevance_search_has_no_order_by()
    {
        var body = await SendAsync(new SearchRequest("ceasefire"));

        Assert.Null(body["orderby"]);
    }

    [Fact]
    public async Task The_count_is_asked_for_only_when_wanted()
    {
        var body = await SendAsync(new SearchRequest("ceasefire") { IncludeTotalCount = false });

        Assert.NotEqual(true, (bool?)body["count"]);
    }

    [Fact]
    public async Task Hits_select_only_what_a_result_list_shows()
    {
        var body = await SendAsync(new SearchRequest("ceasefire"));

        Assert.Equal("id,title,authors,published,tags,language,source,siteName,format,summary", (string?)body["select"]);
    }

    private async Task<JsonNode> SendAsync(SearchRequest request)
    {
        await _service.CreateIndex().SearchAsync(request, TestContext.Current.CancellationToken);
        return _service.LastSearch;
    }

    private static List<string?> Strings(JsonNode? array) => array!.AsArray().Select(node => (string?)node).ToList();
}
