using Pipeline.Api.Tests.Support;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Filtering;
using Pipeline.Core.Search.Suggestions;

namespace Pipeline.Api.Tests.Suggest;

/// <summary><c>GET /api/suggest</c>: parameters bound to one <see cref="SuggestRequest"/>, and every mistake a 400.</summary>
public sealed class SuggestTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>
{
    private readonly ApiServer _server = fixture.Reset();

    [Fact]
    public async Task Q_alone_asks_for_the_default_number_of_exact_suggestions_with_em_tags()
    {
        (await _server.GetAsync("/api/suggest?q=ukra")).Ok();

        var suggest = _server.Index.LastSuggest;
        Assert.Equal(("ukra", SuggestRequest.DefaultTop, false), (suggest.Text, suggest.Top, suggest.Fuzzy));
        Assert.Null(suggest.Filter);
        Assert.Equal((HighlightRequest.DefaultPreTag, HighlightRequest.DefaultPostTag), (suggest.PreTag, suggest.PostTag));
    }

    [Fact]
    public async Task Every_parameter_reaches_the_backend()
    {
        (await _server.GetAsync(
            "/api/suggest?q=ukarine&top=3&fuzzy=true&filter=" + Uri.EscapeDataString("language eq 'en'") +
            "&highlightPreTag=%3Cb%3E&highlightPostTag=%3C%2Fb%3E")).Ok();

        var suggest = _server.Index.LastSuggest;
        Assert.Equal(("ukarine", 3, true), (suggest.Text, suggest.Top, suggest.Fuzzy));
        Assert.Equal(new ComparisonFilter(ArticleFieldNames.Language, ComparisonOperator.Eq, "en"), suggest.Filter);
        Assert.Equal(("<b>", "</b>"), (suggest.PreTag, suggest.PostTag));
    }

    [Fact]
    public async Task The_response_echoes_the_text_and_lists_the_suggestions_in_order()
    {
        _server.Index.SuggestAnswer =
        [
            new Suggestion("ukraine-peace-talks-8f9241ac", "Ukraine Seeks New Peace Talks", "<em>Ukra</em>ine Seeks New Peace Talks"),
            new Suggestion("ukraine-grain-1a2b3c4d", "Ukrainian grain & the Black Sea", "<em>Ukra</em>inian grain &amp; the Black Sea"),
        ];

        var body = (await _server.GetAsync("/api/suggest?q=ukra")).Ok();

        Assert.Equal("ukra", (string?)body["query"]);
        var value = body["value"]!.AsArray();
        Assert.Equal(["ukraine-peace-talks-8f9241ac", "ukraine-grain-1a2b3c4d"], value.Select(s => (string?)s!["id"]));
        Assert.Equal(["id", "title", "text"], value[0]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Non_latin_text_is_passed_as_typed()
    {
        (await _server.GetAsync("/api/suggest?q=" + Uri.EscapeDataString("Київ"))).Ok();

        Assert.Equal("Київ", _server.Index.LastSuggest.Text);
    }

    [Theory]
    [InlineData("", "q")]
    [InlineData("q=", "q")]
    [InlineData("q=%20%20", "q")]
    [InlineData("q=ukra&top=0", "top")]
    [InlineData("q=ukra&top=51", "top")]
    [InlineData("q=ukra&fuzzy=maybe", "fuzzy")]
    [InlineData("q=ukra&skip=5", "skip")]
    [InlineData("q=ukra&q=peace", "q")]
    public async Task A_missing_or_wrong_value_names_its_parameter(string query, string parameter)
    {
        (await _server.GetAsync("/api/suggest?" + query)).InvalidParameter(parameter);

        Assert.Empty(_server.Index.Suggestions);
    }

    [Fact]
    public async Task Text_over_the_suggest_limit_is_refused()
    {
        var problem = (await _server.GetAsync("/api/suggest?q=" + new string('a', ApiLimits.MaxSuggestQueryLength + 1))).InvalidParameter("q");

        Assert.Equal(ApiLimits.MaxSuggestQueryLength, (int?)problem["position"]);
    }

    [Fact]
    public async Task A_filter_syntax_error_is_pointed_at()
    {
        var problem = (await _server.GetAsync("/api/suggest?q=ukra&filter=" + Uri.EscapeDataString("language eq"))).InvalidParameter("filter");

        Assert.NotNull((int?)problem["position"]);
    }
}
