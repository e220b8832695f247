using Pipeline.Api.Tests.Support;
using Pipeline.Core.Search;

namespace Pipeline.Api.Tests.Search;

/// <summary>
/// Every mistake in a search is a 400 problem that names the parameter and, where it can, the position of the
/// mistake in its value; none reaches the backend, and none is a 5xx.
/// </summary>
public sealed class SearchErrorTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>
{
    private readonly ApiServer _server = fixture.Reset();

    [Theory]
    [InlineData("top=101", "top")]
    [InlineData("top=-1", "top")]
    [InlineData("top=ten", "top")]
    [InlineData("top=1.5", "top")]
    [InlineData("top=99999999999", "top")]
    [InlineData("skip=100001", "skip")]
    [InlineData("skip=-5", "skip")]
    [InlineData("$skip=x", "skip")]
    [InlineData("count=yes", "count")]
    [InlineData("queryType=lucene", "queryType")]
    [InlineData("queryType=1", "queryType")]
    [InlineData("searchMode=most", "searchMode")]
    public async Task A_value_out_of_range_or_of_the_wrong_kind_names_its_parameter(string query, string parameter)
    {
        var response = await _server.GetAsync("/api/search?" + query);

        response.InvalidParameter(parameter);
        Assert.Empty(_server.Index.Searches);
    }

    [Fact]
    public async Task Top_over_the_limit_says_what_the_limit_is()
    {
        var problem = (await _server.GetAsync("/api/search?top=1000")).InvalidParameter("top");

        Assert.Equal("'top' must be a whole number from 0 to 100; got 1000.", (string?)problem["detail"]);
    }

    [Fact]
    public async Task A_field_that_cannot_be_searched_is_pointed_at()
    {
        var problem = (await _server.GetAsync("/api/search?q=x&searchFields=title,language")).InvalidParameter("searchFields");

        Assert.Equal(6, (int?)problem["position"]);
        Assert.Contains("'language'", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_name_in_the_wrong_case_gets_the_right_spelling_in_the_message()
    {
        var problem = (await _server.GetAsync("/api/search?q=x&searchFields=Title")).InvalidParameter("searchFields");

        Assert.Contains("'title'", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_name_in_a_field_list_is_pointed_at()
    {
        var problem = (await _server.GetAsync("/api/search?q=x&highlight=title,,body")).InvalidParameter("highlight");

        Assert.Equal(6, (int?)problem["position"]);
    }

    [Fact]
    public async Task A_field_listed_twice_is_refused()
    {
        (await _server.GetAsync("/api/search?q=x&select=id,title,id")).InvalidParameter("select");
    }

    [Fact]
    public async Task Highlight_accepts_only_text_fields()
    {
        var problem = (await _server.GetAsync("/api/search?q=x&highlight=authors")).InvalidParameter("highlight");

        Assert.Equal(0, (int?)problem["position"]);
    }

    [Fact]
    public async Task Select_accepts_only_properties_of_a_hit()
    {
        var problem = (await _server.GetAsync("/api/search?q=x&select=id,%20body")).InvalidParameter("select");

        Assert.Equal(4, (int?)problem["position"]);
    }

    [Fact]
    public async Task A_query_over_the_length_limit_is_refused_at_the_limit()
    {
        var problem = (await _server.GetAsync("/api/search?q=" + new string('a', ApiLimits.MaxQueryLength + 1))).InvalidParameter("q");

        Assert.Equal(ApiLimits.MaxQueryLength, (int?)problem["position"]);
        Assert.Contains("1,000", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_at_the_length_limit_is_searched()
    {
        (await _server.GetAsync("/api/search?q=" + new string('a', ApiLimits.MaxQueryLength))).Ok();
    }

    [Fact]
    public async Task A_filter_over_the_length_limit_is_refused()
    {
        var filter = "language eq '" + new string('x', ApiLimits.MaxFilterLength) + "'";

        (await _server.PostJsonAsync("/api/search", $$"""{"filter": "{{filter}}"}""")).InvalidParameter("filter");
    }

    [Fact]
    public async Task A_filter_syntax_error_is_pointed_at()
    {
        var problem = (await _server.GetAsync("/api/search?filter=" + Uri.EscapeDataString("language eq 'en' and"))).InvalidParameter("filter");

        Assert.NotNull((int?)problem["position"]);
    }

    [Fact]
    public async Task A_filter_on_an_unknown_field_points_at_the_field()
    {
        var problem = (await _server.GetAsync("/api/search?filter=" + Uri.EscapeDataString("language eq 'en' and colour eq 'red'"))).InvalidParameter("filter");

        Assert.Equal(21, (int?)problem["position"]);
    }

    [Fact]
    public async Task More_facets_than_the_limit_are_refused()
    {
        var facets = string.Concat(Enumerable.Repeat("&facet=tags", ApiLimits.MaxFacets + 1));

        var problem = (await _server.GetAsync("/api/search?q=x" + facets)).InvalidParameter("facet");

        Assert.Contains("10", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_field_faceted_twice_is_refused()
    {
        (await _server.GetAsync("/api/search?facet=tags&facet=" + Uri.EscapeDataString("tags,count:3"))).InvalidParameter("facet");
    }

    [Fact]
    public async Task A_facet_on_a_field_that_cannot_be_faceted_is_refused()
    {
        (await _server.GetAsync("/api/search?facet=body")).InvalidParameter("facet");
    }

    [Fact]
    public async Task A_facet_mistake_among_several_says_which_facet_and_where_in_it()
    {
        var problem = (await _server.GetAsync("/api/search?facet=language&facet=" + Uri.EscapeDataString("tags,cont:5"))).InvalidParameter("facet");

        Assert.Equal(5, (int?)problem["position"]);
        Assert.StartsWith("Facet 2 of 2 ('tags,cont:5'): ", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ordering_by_a_field_that_cannot_be_sorted_is_refused()
    {
        (await _server.GetAsync("/api/search?orderby=" + Uri.EscapeDataString("title asc"))).InvalidParameter("orderby");
    }

    [Fact]
    public async Task A_highlight_tag_over_the_limit_is_refused()
    {
        var tag = Uri.EscapeDataString("<span class=\"" + new string('x', ApiLimits.MaxHighlightTagLength) + "\">");

        (await _server.GetAsync($"/api/search?q=x&highlight=body&highlightPreTag={tag}")).InvalidParameter("highlightPreTag");
    }

    [Fact]
    public async Task An_unknown_parameter_is_refused_with_the_list_of_known_ones()
    {
        var problem = (await _server.GetAsync("/api/search?q=x&tpo=5")).InvalidParameter("tpo");

        Assert.Contains("top", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Empty(_server.Index.Searches);
    }

    [Fact]
    public async Task A_parameter_given_twice_is_refused()
    {
        (await _server.GetAsync("/api/search?q=a&q=b")).InvalidParameter("q");
    }

    [Fact]
    public async Task Filter_given_both_with_and_without_the_dollar_is_refused()
    {
        var filter = Uri.EscapeDataString("language eq 'en'");

        (await _server.GetAsync($"/api/search?filter={filter}&$filter={filter}")).InvalidParameter("filter");
    }

    [Fact]
    public async Task A_mistake_the_backend_finds_is_a_400_naming_the_parameter_and_position()
    {
        _server.Index.SearchFailure = new InvalidSearchRequestException("q", "Unbalanced parenthesis.", 7);

        var problem = (await _server.GetAsync("/api/search?q=(ukraine&queryType=full")).InvalidParameter("q");

        Assert.Equal(7, (int?)problem["position"]);
        Assert.Equal("Unbalanced parenthesis.", (string?)problem["detail"]);
    }
}
