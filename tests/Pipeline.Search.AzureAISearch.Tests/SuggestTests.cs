using System.Net;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Filtering;
using Pipeline.Core.Search.Suggestions;

namespace Pipeline.Search.AzureAISearch.Tests;

/// <summary>Title suggestions through the index's suggester: the request sent and the suggestions read back.</summary>
public sealed class SuggestTests
{
    private readonly FakeSearchService _service = new();

    [Fact]
    public async Task Asks_the_title_suggester_with_fuzziness_filter_markers_and_size()
    {
        await SuggestAsync(new SuggestRequest("ceasef", Top: 3)
        {
            Fuzzy = true,
            Filter = new ComparisonFilter(ArticleFieldNames.Language, ComparisonOperator.Eq, "en"),
        });

        var body = _service.LastSuggest;
        Assert.Equal("ceasef", (string?)body["search"]);
        Assert.Equal("titles", (string?)body["suggesterName"]);
        Assert.True((bool?)body["fuzzy"]);
        Assert.Equal("language eq 'en'", (string?)body["filter"]);
        Assert.Equal("\uE000", (string?)body["highlightPreTag"]);
        Assert.Equal("\uE001", (string?)body["highlightPostTag"]);
        Assert.Equal(3, (int?)body["top"]);
        Assert.Equal("id,title", (string?)body["select"]);
    }

    [Fact]
    public async Task Suggestions_mark_matches_with_the_callers_tags_and_escape_the_title()
    {
        _service.Suggest = (HttpStatusCode.OK, """
            { "value": [ { "@search.text": "\uE000Ceasefire\uE001 & <aid> talks", "id": "talks", "title": "Ceasefire & <aid> talks" } ] }
            """);

        var suggestion = Assert.Single(await SuggestAsync(new SuggestRequest("ceasefire") { PreTag = "<b>", PostTag = "</b>" }));

        Assert.Equal(new Suggestion("talks", "Ceasefire & <aid> talks", "<b>Ceasefire</b> &amp; &lt;aid&gt; talks"), suggestion);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Blank_text_suggests_nothing_without_asking_the_service(string text)
    {
        Assert.Empty(await SuggestAsync(new SuggestRequest(text)));
        Assert.Empty(_service.Handler.Requests);
    }

    [Fact]
    public async Task Over_long_text_keeps_the_words_being_typed()
    {
        var text = string.Concat(Enumerable.Repeat("storm ", 30)) + "ceasef";

        await SuggestAsync(new SuggestRequest(text));

        var sent = (string?)_service.LastSuggest["search"];
        Assert.NotNull(sent);
        Assert.True(sent.Length <= 100);
        Assert.EndsWith(" ceasef", sent, StringComparison.Ordinal);
        Assert.StartsWith("storm ", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_index_without_the_suggester_says_how_to_get_one()
    {
        _service.Suggest = (HttpStatusCode.BadRequest, FakeSearchService.Error(
            "The specified suggester name 'titles' does not exist in this index definition.\r\nParameter name: suggesterName"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SuggestAsync(new SuggestRequest("ceasef")));

        Assert.Contains("re-ingest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filter_the_service_rejects_is_the_filters_fault()
    {
        _service.Suggest = (HttpStatusCode.BadRequest, FakeSearchService.Error("Invalid expression: Syntax error at position 3.\r\nParameter name: $filter"));

        var error = await Assert.ThrowsAsync<InvalidSearchRequestException>(() =>
            SuggestAsync(new SuggestRequest("ceasef") { Filter = new ComparisonFilter(ArticleFieldNames.Language, ComparisonOperator.Eq, "en") }));

        Assert.Equal("filter", error.Parameter);
    }

    private Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestRequest request) =>
        _service.CreateIndex().SuggestAsync(request, TestContext.Current.CancellationToken);
}
