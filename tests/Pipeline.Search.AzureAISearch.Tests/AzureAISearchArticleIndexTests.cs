using System.Net;
using System.Text.Json.Nodes;
using Pipeline.Core.Search;

namespace Pipeline.Search.AzureAISearch.Tests;

/// <summary>
/// Checks what the backend asks the service for and how it reads the answers, at the HTTP boundary.
/// No service is contacted: a recording handler answers in its place.
/// </summary>
public sealed class AzureAISearchArticleIndexTests
{
    private const string SearchResponse = """
        {
          "@odata.count": 42,
          "value": [
            {
              "@search.score": 3.5,
              "@search.highlights": { "body": ["Talks <b>stalled</b> as a \uE000ceasefire\uE001 & aid were discussed."] },
              "id": "ukraine-peace-talks-1a2b3c4d",
              "title": "Ukraine Seeks New Peace Talks With Russia Amid Ongoing Violence",
              "authors": ["Jordan Hayes"],
              "published": "2025-07-14T08:00:00Z"
            }
          ]
        }
        """;

    [Fact]
    public async Task Creates_the_index_before_first_use()
    {
        var (index, handler) = CreateIndex();

        await index.SearchAsync(new SearchRequest("ceasefire"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpMethod.Put, handler.Requests[0].Method);
        Assert.Contains("/indexes('articles')", Uri.UnescapeDataString(handler.Requests[0].Uri.AbsolutePath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sends_escaped_lucene_syntax_with_paging_and_count()
    {
        var (index, handler) = CreateIndex();

        await index.SearchAsync(new SearchRequest("ceasefire -sport", Top: 5, Skip: 10), TestContext.Current.CancellationToken);

        var body = JsonNode.Parse(handler.Requests.Single(r => r.Uri.AbsolutePath.EndsWith("/docs/search.post.search", StringComparison.Ordinal)).Body!)!;
        Assert.Equal("ceasefire -sport", (string?)body["search"]);
        Assert.Equal("full", (string?)body["queryType"]);
        Assert.Equal("any", (string?)body["searchMode"]);
        Assert.Equal(5, (int?)body["top"]);
        Assert.Equal(10, (int?)body["skip"]);
        Assert.True((bool?)body["count"]);
    }

    [Fact]
    public async Task Reads_hits_and_total_count()
    {
        var (index, _) = CreateIndex();

        var results = await index.SearchAsync(new SearchRequest("ceasefire"), TestContext.Current.CancellationToken);

        Assert.Equal(42, results.TotalCount);
        var hit = Assert.Single(results.Hits);
        Assert.Equal("ukraine-peace-talks-1a2b3c4d", hit.Id);
        Assert.Equal("Ukraine Seeks New Peace Talks With Russia Amid Ongoing Violence", hit.Title);
        Assert.Equal(["Jordan Hayes"], hit.Authors);
        Assert.Equal(new DateTimeOffset(2025, 7, 14, 8, 0, 0, TimeSpan.Zero), hit.Published);
    }

    [Fact]
    public async Task Escapes_highlight_text_and_marks_matches_with_em()
    {
        var (index, _) = CreateIndex();

        var results = await index.SearchAsync(
            new SearchRequest("ceasefire") { Highlight = new HighlightRequest([ArticleFieldNames.Body]) }, TestContext.Current.CancellationToken);

        Assert.Equal("Talks &lt;b&gt;stalled&lt;/b&gt; as a <em>ceasefire</em> &amp; aid were discussed.", results.Hits[0].Snippet);
    }

    [Fact]
    public async Task Match_all_orders_newest_first_without_highlights()
    {
        var (index, handler) = CreateIndex();

        await index.SearchAsync(new SearchRequest("*"), TestContext.Current.CancellationToken);

        var body = JsonNode.Parse(handler.Requests.Last().Body!)!;
        Assert.Equal("*", (string?)body["search"]);
        Assert.Equal("published desc,id asc", (string?)body["orderby"]);
        Assert.Null(body["highlight"]);
    }

    [Fact]
    public async Task Get_returns_null_for_an_unknown_id()
    {
        var (index, _) = CreateIndex();

        var article = await index.GetAsync("no-such-article-00000000", TestContext.Current.CancellationToken);

        Assert.Null(article);
    }

    private static (AzureAISearchArticleIndex Index, RecordingHandler Handler) CreateIndex()
    {
        var service = new FakeSearchService { Search = (HttpStatusCode.OK, SearchResponse) };
        return (service.CreateIndex(), service.Handler);
    }
}
