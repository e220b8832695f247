using Pipeline.Api.Tests.Support;
using Pipeline.Core.Search;

namespace Pipeline.Api.Tests.Search;

/// <summary><c>POST /api/search</c>: the same search from a JSON body, and every way a body can be wrong.</summary>
public sealed class SearchPostTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>
{
    private readonly ApiServer _server = fixture.Reset();

    [Fact]
    public async Task A_body_binds_the_same_search_as_the_query_string()
    {
        (await _server.GetAsync(
            "/api/search?q=ukraine%20peace&queryType=full&searchMode=all&searchFields=title,body" +
            "&filter=" + Uri.EscapeDataString("language eq 'en'") +
            "&facet=" + Uri.EscapeDataString("tags,count:5") + "&facet=language" +
            "&highlight=body&highlightPreTag=%3Cb%3E&highlightPostTag=%3C%2Fb%3E" +
            "&orderby=" + Uri.EscapeDataString("published desc") + "&top=5&skip=10&count=false")).Ok();
        var fromQuery = _server.Index.LastSearch;

        (await _server.PostJsonAsync("/api/search", """
            {
              "q": "ukraine peace", "queryType": "full", "searchMode": "all", "searchFields": "title,body",
              "filter": "language eq 'en'", "facets": ["tags,count:5", "language"],
              "highlight": "body", "highlightPreTag": "<b>", "highlightPostTag": "</b>",
              "orderby": "published desc", "top": 5, "skip": 10, "count": false
            }
            """)).Ok();
        var fromBody = _server.Index.LastSearch;

        Assert.Equal(Describe(fromQuery), Describe(fromBody));
    }

    [Fact]
    public async Task An_empty_object_searches_everything_with_the_defaults()
    {
        (await _server.PostJsonAsync("/api/search", "{}")).Ok();

        Assert.Equal(Describe(new SearchRequest(string.Empty)), Describe(_server.Index.LastSearch));
    }

    [Fact]
    public async Task Null_properties_are_the_same_as_absent_ones()
    {
        (await _server.PostJsonAsync("/api/search", """{"q": null, "top": null, "facets": null, "count": null}""")).Ok();

        Assert.Equal(Describe(new SearchRequest(string.Empty)), Describe(_server.Index.LastSearch));
    }

    [Fact]
    public async Task Select_applies_to_a_posted_search()
    {
        _server.Index.SearchAnswer = new SearchResults(1, [SearchHits.Ukraine]);

        var body = (await _server.PostJsonAsync("/api/search", """{"q": "ukraine", "select": "title"}""")).Ok();

        Assert.Equal(["title"], body["value"]![0]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Json_charset_and_structured_json_media_types_are_accepted()
    {
        (await _server.PostJsonAsync("/api/search", """{"q": "x"}""", "application/json")).Ok();
        (await _server.PostJsonAsync("/api/search", """{"q": "x"}""", "application/merge-patch+json")).Ok();
    }

    [Theory]
    [InlineData("""{"top": "5"}""", "top", "a whole number; got a string")]
    [InlineData("""{"top": 2.5}""", "top", "a whole number; got 2.5")]
    [InlineData("""{"skip": true}""", "skip", "a whole number; got a boolean")]
    [InlineData("""{"count": "true"}""", "count", "true or false; got a string")]
    [InlineData("""{"q": 42}""", "q", "a string; got a number")]
    [InlineData("""{"filter": ["language eq 'en'"]}""", "filter", "a string; got an array")]
    [InlineData("""{"facets": "tags"}""", "facets", "an array of strings")]
    [InlineData("""{"facets": ["tags", 3]}""", "facets", "'facets[1]' must be a string; got a number")]
    public async Task A_property_of_the_wrong_json_type_is_named_with_what_it_should_be(string json, string parameter, string expected)
    {
        var problem = (await _server.PostJsonAsync("/api/search", json)).InvalidParameter(parameter);

        Assert.Contains(expected, (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_in_a_body_meet_the_same_limits_as_in_a_query_string()
    {
        (await _server.PostJsonAsync("/api/search", """{"top": 101}""")).InvalidParameter("top");
    }

    [Fact]
    public async Task An_unknown_property_is_refused()
    {
        var problem = (await _server.PostJsonAsync("/api/search", """{"search": "ukraine"}""")).InvalidParameter("search");

        Assert.Contains("q, queryType", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_query_string_spelling_of_facets_is_not_a_body_property()
    {
        (await _server.PostJsonAsync("/api/search", """{"facet": ["tags"]}""")).InvalidParameter("facet");
    }

    [Fact]
    public async Task A_property_given_twice_is_refused()
    {
        (await _server.PostJsonAsync("/api/search", """{"q": "a", "q": "b"}""")).InvalidParameter("q");
    }

    [Fact]
    public async Task Malformed_json_is_pointed_at()
    {
        var problem = (await _server.PostJsonAsync("/api/search", """{"q": "ukraine" "top": 5}""")).InvalidParameter("body");

        Assert.Equal(16, (int?)problem["position"]);
        Assert.DoesNotContain("BytePositionInLine", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_position_of_malformed_json_counts_characters_on_later_lines()
    {
        const string json = "{\n  \"q\": \"Zürich\",\n  \"top\": 5,\n}";

        var problem = (await _server.PostJsonAsync("/api/search", json)).InvalidParameter("body");

        Assert.Equal(json.LastIndexOf('}'), (int?)problem["position"]);
    }

    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("\"ukraine\"", "a string")]
    [InlineData("null", "null")]
    public async Task A_body_that_is_not_an_object_is_refused(string json, string kind)
    {
        var problem = (await _server.PostJsonAsync("/api/search", json)).InvalidParameter("body");

        Assert.Contains(kind, (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_body_is_refused()
    {
        (await _server.PostJsonAsync("/api/search", string.Empty)).InvalidParameter("body");
    }

    [Fact]
    public async Task Json_nested_deeper_than_any_search_needs_is_refused()
    {
        var json = "{\"q\": " + new string('[', 100) + new string(']', 100) + "}";

        (await _server.PostJsonAsync("/api/search", json)).InvalidParameter("body");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_body_that_is_not_sent_as_json_is_415(string contentType)
    {
        var problem = (await _server.PostJsonAsync("/api/search", """{"q": "x"}""", contentType)).Problem(415);

        Assert.Contains("application/json", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_without_a_content_type_is_415()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/search") { Content = new ByteArrayContent("{}"u8.ToArray()) };

        (await _server.SendAsync(request)).Problem(415);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        var json = """{"q": "x"}""" + new string(' ', ApiLimits.MaxBodyBytes);

        var problem = (await _server.PostJsonAsync("/api/search", json)).Problem(413);

        Assert.Contains("65,536", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Empty(_server.Index.Searches);
    }

    [Fact]
    public async Task A_body_of_exactly_the_limit_is_read()
    {
        const string json = """{"q": "x"}""";

        (await _server.PostJsonAsync("/api/search", json + new string(' ', ApiLimits.MaxBodyBytes - json.Length))).Ok();
    }

    [Fact]
    public async Task A_body_over_the_limit_sent_in_chunks_without_a_length_is_413()
    {
        var content = new StreamContent(new MemoryStream(new byte[ApiLimits.MaxBodyBytes * 2]));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/search") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        (await _server.SendAsync(request)).Problem(413);
    }

    [Fact]
    public async Task Search_parameters_in_the_query_string_of_a_post_are_refused()
    {
        (await _server.PostJsonAsync("/api/search?top=5", """{"q": "x"}""")).InvalidParameter("top");
    }

    [Fact]
    public async Task The_functions_key_in_the_query_string_of_a_post_is_accepted()
    {
        (await _server.PostJsonAsync("/api/search?code=secret", """{"q": "x"}""")).Ok();
    }

    private static string Describe(SearchRequest request) => string.Join(
        " | ",
        request.Query,
        request.Top,
        request.Skip,
        request.QueryType,
        request.SearchMode,
        string.Join(",", request.SearchFields),
        request.Filter?.ToString() ?? "no filter",
        string.Join(",", request.Facets.Select(f => $"{f.Field}/{f.Count}/{f.Interval}")),
        request.Highlight is { } h ? $"{string.Join(",", h.Fields)} {h.PreTag} {h.PostTag}" : "no highlight",
        string.Join(",", request.OrderBy),
        request.IncludeTotalCount);
}
