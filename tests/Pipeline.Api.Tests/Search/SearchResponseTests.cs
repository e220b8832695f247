using System.Text.Json.Nodes;
using Pipeline.Api.Tests.Support;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Facets;

namespace Pipeline.Api.Tests.Search;

/// <summary>How a search response is shaped: paging echoed, count, facets, and <c>select</c> projection.</summary>
public sealed class SearchResponseTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>
{
    private readonly ApiServer _server = fixture.Reset();

    [Fact]
    public async Task A_response_echoes_the_query_and_paging_and_carries_the_count_and_hits_in_order()
    {
        _server.Index.SearchAnswer = new SearchResults(42, [SearchHits.Ukraine, SearchHits.Zurich]);

        var body = (await _server.GetAsync("/api/search?q=ukraine&top=2&skip=4")).Ok();

        Assert.Equal(["query", "count", "top", "skip", "value"], body.Select(p => p.Key));
        Assert.Equal(("ukraine", 42, 2, 4), ((string?)body["query"], (int)body["count"]!, (int)body["top"]!, (int)body["skip"]!));
        Assert.Equal([SearchHits.Ukraine.Id, SearchHits.Zurich.Id], body["value"]!.AsArray().Select(h => (string?)h!["id"]));
    }

    [Fact]
    public async Task Non_latin_text_in_hits_is_written_as_is()
    {
        _server.Index.SearchAnswer = new SearchResults(1, [SearchHits.Zurich]);

        var response = await _server.GetAsync("/api/search?q=z%C3%BCrich");

        Assert.Contains("Zürich café „Grüezi“ – 東京", response.Body, StringComparison.Ordinal);
        Assert.Equal(SearchHits.Zurich.Title, (string?)response.Ok()["value"]![0]!["title"]);
    }

    [Fact]
    public async Task Without_a_count_the_response_has_no_count_property()
    {
        _server.Index.SearchAnswer = new SearchResults(null, [SearchHits.Ukraine]);

        var body = (await _server.GetAsync("/api/search?q=ukraine&count=false")).Ok();

        Assert.False(body.ContainsKey("count"));
    }

    [Fact]
    public async Task Select_keeps_only_the_selected_properties_of_each_hit()
    {
        _server.Index.SearchAnswer = new SearchResults(2, [SearchHits.Ukraine, SearchHits.Zurich]);

        var body = (await _server.GetAsync("/api/search?q=x&select=title,id,published")).Ok();

        var hits = body["value"]!.AsArray().Select(h => h!.AsObject()).ToList();
        Assert.Equal(["id", "title", "published"], hits[0].Select(p => p.Key));
        Assert.Equal(["id", "title"], hits[1].Select(p => p.Key)); // no publication date: nothing to select
        Assert.Equal(2, (int?)body["count"]);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("")]
    public async Task Select_star_or_nothing_returns_every_property(string select)
    {
        _server.Index.SearchAnswer = new SearchResults(1, [SearchHits.Ukraine]);

        var body = (await _server.GetAsync("/api/search?q=x&select=" + Uri.EscapeDataString(select))).Ok();

        Assert.Equal(SearchFieldList.Selectable.Order(), body["value"]![0]!.AsObject().Select(p => p.Key).Order());
    }

    [Fact]
    public async Task Every_selectable_name_is_a_property_of_a_hit_and_every_property_is_selectable()
    {
        _server.Index.SearchAnswer = new SearchResults(1, [SearchHits.Ukraine]);

        var body = (await _server.GetAsync("/api/search?q=x")).Ok();

        Assert.Equal(SearchFieldList.Selectable.Order(), body["value"]![0]!.AsObject().Select(p => p.Key).Order());
    }

    [Fact]
    public async Task Facets_are_returned_keyed_by_field_when_asked_for()
    {
        _server.Index.SearchAnswer = new SearchResults(3, [])
        {
            Facets = new Dictionary<string, IReadOnlyList<FacetBucket>>
            {
                ["tags"] = [new FacetBucket(2) { Value = "politics" }, new FacetBucket(1) { Value = "war" }],
            },
        };

        var body = (await _server.GetAsync("/api/search?q=x&facet=tags")).Ok();

        var tags = body["facets"]!["tags"]!.AsArray();
        Assert.Equal([("politics", 2), ("war", 1)], tags.Select(b => ((string?)b!["value"], (int)b["count"]!)));
    }

    [Fact]
    public async Task Without_facets_the_response_has_no_facets_property()
    {
        var body = (await _server.GetAsync("/api/search?q=x")).Ok();

        Assert.False(body.ContainsKey("facets"));
    }

    [Fact]
    public async Task Highlights_are_passed_through_per_field()
    {
        _server.Index.SearchAnswer = new SearchResults(1, [SearchHits.Ukraine]);

        var body = (await _server.GetAsync("/api/search?q=ceasefire&highlight=body")).Ok();

        Assert.Equal("an immediate <em>ceasefire</em>", (string?)body["value"]![0]!["highlights"]!["body"]![0]);
    }

    [Fact]
    public async Task The_response_is_json()
    {
        var response = await _server.GetAsync("/api/search?q=x");

        Assert.Equal("application/json", response.MediaType);
        Assert.IsType<JsonObject>(response.Json);
    }
}
