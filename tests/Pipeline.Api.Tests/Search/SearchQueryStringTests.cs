using Pipeline.Api.Tests.Support;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Facets;
using Pipeline.Core.Search.Filtering;

namespace Pipeline.Api.Tests.Search;

/// <summary>Each query-string parameter of <c>GET /api/search</c> reaches the backend as the matching part of one <see cref="SearchRequest"/>.</summary>
public sealed class SearchQueryStringTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>
{
    private readonly ApiServer _server = fixture.Reset();

    [Fact]
    public async Task Without_parameters_everything_is_searched_with_the_defaults()
    {
        (await _server.GetAsync("/api/search")).Ok();

        var search = _server.Index.LastSearch;
        Assert.Equal(string.Empty, search.Query);
        Assert.Equal(SearchRequest.DefaultTop, search.Top);
        Assert.Equal(0, search.Skip);
        Assert.Equal(QueryType.Simple, search.QueryType);
        Assert.Equal(SearchMode.Any, search.SearchMode);
        Assert.Empty(search.SearchFields);
        Assert.Null(search.Filter);
        Assert.Empty(search.Facets);
        Assert.Null(search.Highlight);
        Assert.Empty(search.OrderBy);
        Assert.True(search.IncludeTotalCount);
    }

    [Fact]
    public async Task Q_reaches_the_backend_exactly_as_typed_including_non_latin_text()
    {
        const string query = "Zürich \"東京 会議\" -café +Київ";

        var body = (await _server.GetAsync("/api/search?q=" + Uri.EscapeDataString(query))).Ok();

        Assert.Equal(query, _server.Index.LastSearch.Query);
        Assert.Equal(query, (string?)body["query"]);
    }

    [Fact]
    public async Task Query_type_and_search_mode_are_read_without_regard_to_case()
    {
        (await _server.GetAsync("/api/search?q=title:ukraine&queryType=Full&searchMode=ALL")).Ok();

        Assert.Equal(QueryType.Full, _server.Index.LastSearch.QueryType);
        Assert.Equal(SearchMode.All, _server.Index.LastSearch.SearchMode);
    }

    [Fact]
    public async Task Search_fields_are_a_comma_separated_list_with_spaces_allowed()
    {
        (await _server.GetAsync("/api/search?q=ukraine&searchFields=title,%20body")).Ok();

        Assert.Equal([ArticleFieldNames.Title, ArticleFieldNames.Body], _server.Index.LastSearch.SearchFields);
    }

    [Fact]
    public async Task Filter_is_parsed_into_the_expression_the_backend_translates()
    {
        (await _server.GetAsync("/api/search?filter=" + Uri.EscapeDataString("language eq 'en'"))).Ok();

        Assert.Equal(new ComparisonFilter(ArticleFieldNames.Language, ComparisonOperator.Eq, "en"), _server.Index.LastSearch.Filter);
    }

    [Fact]
    public async Task Dollar_filter_is_the_same_parameter()
    {
        (await _server.GetAsync("/api/search?$filter=" + Uri.EscapeDataString("source eq 'bbc'"))).Ok();

        Assert.Equal(new ComparisonFilter(ArticleFieldNames.Source, ComparisonOperator.Eq, "bbc"), _server.Index.LastSearch.Filter);
    }

    [Fact]
    public async Task An_empty_filter_is_no_filter()
    {
        (await _server.GetAsync("/api/search?q=ukraine&filter=")).Ok();

        Assert.Null(_server.Index.LastSearch.Filter);
    }

    [Fact]
    public async Task Facet_repeats_one_facet_per_value_in_order()
    {
        (await _server.GetAsync("/api/search?facet=" + Uri.EscapeDataString("tags,count:5") + "&facet=language")).Ok();

        var facets = _server.Index.LastSearch.Facets;
        Assert.Equal([ArticleFieldNames.Tags, ArticleFieldNames.Language], facets.Select(f => f.Field));
        Assert.Equal(5, facets[0].Count);
        Assert.Equal(FacetRequest.DefaultCount, facets[1].Count);
    }

    [Fact]
    public async Task Published_facet_takes_an_interval()
    {
        (await _server.GetAsync("/api/search?facet=" + Uri.EscapeDataString("published,interval:year"))).Ok();

        var facet = Assert.Single(_server.Index.LastSearch.Facets);
        Assert.Equal((ArticleFieldNames.Published, DateInterval.Year), (facet.Field, facet.Interval));
    }

    [Fact]
    public async Task Highlight_names_the_fields_and_the_tags_to_put_around_matches()
    {
        (await _server.GetAsync("/api/search?q=ukraine&highlight=title,body&highlightPreTag=%3Cmark%3E&highlightPostTag=%3C%2Fmark%3E")).Ok();

        var highlight = _server.Index.LastSearch.Highlight;
        Assert.NotNull(highlight);
        Assert.Equal([ArticleFieldNames.Title, ArticleFieldNames.Body], highlight.Fields);
        Assert.Equal(("<mark>", "</mark>"), (highlight.PreTag, highlight.PostTag));
    }

    [Fact]
    public async Task Highlight_without_tags_uses_em()
    {
        (await _server.GetAsync("/api/search?q=ukraine&highlight=body")).Ok();

        var highlight = _server.Index.LastSearch.Highlight;
        Assert.Equal((HighlightRequest.DefaultPreTag, HighlightRequest.DefaultPostTag), (highlight!.PreTag, highlight.PostTag));
    }

    [Fact]
    public async Task Highlight_tags_without_highlight_fields_ask_for_no_highlights()
    {
        (await _server.GetAsync("/api/search?q=ukraine&highlightPreTag=%3Cb%3E")).Ok();

        Assert.Null(_server.Index.LastSearch.Highlight);
    }

    [Fact]
    public async Task Orderby_sorts_by_publication_date_newest_first()
    {
        (await _server.GetAsync("/api/search?orderby=" + Uri.EscapeDataString("published desc"))).Ok();

        Assert.Equal([new OrderByClause(ArticleFieldNames.Published, Descending: true)], _server.Index.LastSearch.OrderBy);
    }

    [Fact]
    public async Task Dollar_orderby_is_the_same_parameter()
    {
        (await _server.GetAsync("/api/search?$orderby=" + Uri.EscapeDataString("search.score() desc"))).Ok();

        Assert.Equal([new OrderByClause(OrderByClause.Score, Descending: true)], _server.Index.LastSearch.OrderBy);
    }

    [Theory]
    [InlineData("top=0&skip=0", 0, 0)]
    [InlineData("top=100&skip=100000", 100, 100_000)]
    [InlineData("$top=7&$skip=14", 7, 14)]
    [InlineData("top=&skip=", SearchRequest.DefaultTop, 0)]
    public async Task Top_and_skip_take_every_value_within_the_limits(string query, int top, int skip)
    {
        var body = (await _server.GetAsync("/api/search?" + query)).Ok();

        Assert.Equal((top, skip), (_server.Index.LastSearch.Top, _server.Index.LastSearch.Skip));
        Assert.Equal((top, skip), ((int)body["top"]!, (int)body["skip"]!));
    }

    [Theory]
    [InlineData("count=false", false)]
    [InlineData("$count=false", false)]
    [InlineData("count=true", true)]
    [InlineData("count=TRUE", true)]
    public async Task Count_says_whether_to_count_all_matches(string query, bool count)
    {
        (await _server.GetAsync("/api/search?" + query)).Ok();

        Assert.Equal(count, _server.Index.LastSearch.IncludeTotalCount);
    }

    [Fact]
    public async Task The_functions_key_and_api_version_are_accepted_and_ignored()
    {
        (await _server.GetAsync("/api/search?q=ukraine&code=secret&api-version=2024-07-01")).Ok();

        Assert.Equal("ukraine", _server.Index.LastSearch.Query);
    }

    [Fact]
    public async Task Parameter_names_are_read_without_regard_to_case_as_in_any_query_string()
    {
        (await _server.GetAsync("/api/search?Q=ukraine&TOP=3")).Ok();

        Assert.Equal(("ukraine", 3), (_server.Index.LastSearch.Query, _server.Index.LastSearch.Top));
    }
}
