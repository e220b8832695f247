using System.Net;
using System.Text.Json.Nodes;
using Pipeline.Core.Articles;
using Pipeline.Core.Search;
using Pipeline.Testing.Articles;

namespace Pipeline.Search.AzureAISearch.Tests;

/// <summary>What an indexed document holds and what similarity reads back from it.</summary>
public sealed class DocumentTests
{
    private readonly FakeSearchService _service = new();

    [Fact]
    public async Task Upsert_sends_the_public_fields_as_the_query_api_names_and_spells_them()
    {
        var article = ArticleBuilder.Article("bbc-tech-001").WithTitle("Ink helps drive democracy in Asia").WithBody("Invisible ink is used.")
            .WithSource(new ArticleOrigin("bbc/tech/001.txt")).Build() with
        {
            Tags = ["elections"],
            SiteName = "BBC News",
            Keyphrases = ["invisible ink"],
            Fingerprint = "0123456789abcdef",
            Summary = "Invisible ink is used.",
        };
        var index = _service.CreateIndex();

        await index.UpsertAsync(article, TestContext.Current.CancellationToken);

        var document = JsonNode.Parse(_service.Handler.Requests.Last().Body!)!["value"]![0]!;
        Assert.Equal("bbc", (string?)document["source"]);
        Assert.Equal("plainText", (string?)document["format"]);
        Assert.Equal("elections", (string?)document["tags"]![0]);
        Assert.Equal("BBC News", (string?)document["siteName"]);
        Assert.Equal("en", (string?)document["language"]);
        Assert.Equal("invisible ink", (string?)document["keyphrases"]![0]);
        Assert.Equal("0123456789abcdef", (string?)document["fingerprint"]);
        Assert.Equal("Invisible ink is used.", (string?)document["summary"]);
    }

    [Fact]
    public async Task Similar_articles_carry_their_keyphrases_and_fingerprint()
    {
        _service.Document = (HttpStatusCode.OK, """
            { "id": "flood-a", "title": "River floods valley after heavy rain", "body": "Heavy rain caused the river to flood the valley." }
            """);
        _service.Search = (HttpStatusCode.OK, """
            {
              "value": [{
                "@search.score": 4.5, "id": "flood-b", "title": "Valley farmers count flood damage",
                "body": "After the river flood, farmers said heavy rain ruined crops.",
                "keyphrases": ["flood damage", "valley farmers"], "fingerprint": "00ff00ff00ff00ff"
              }]
            }
            """);

        var similar = Assert.Single(await _service.CreateIndex().FindSimilarAsync("flood-a", 3, TestContext.Current.CancellationToken));

        Assert.Equal("flood-b", similar.Id);
        Assert.Equal(["flood damage", "valley farmers"], similar.Keyphrases);
        Assert.Equal("00ff00ff00ff00ff", similar.Fingerprint);
        Assert.Contains("river", similar.SharedTerms);
    }

    [Fact]
    public async Task Similarity_searches_keyphrases_too_and_leaves_the_article_out()
    {
        _service.Document = (HttpStatusCode.OK, """
            { "id": "flood-a", "title": "River floods valley after heavy rain", "body": "Heavy rain caused the river to flood the valley." }
            """);

        await _service.CreateIndex().FindSimilarAsync("flood-a", 3, TestContext.Current.CancellationToken);

        var body = _service.LastSearch;
        Assert.Equal("id ne 'flood-a'", (string?)body["filter"]);
        Assert.Equal("title,body,keyphrases", (string?)body["searchFields"]);
        Assert.Equal("id,title,body,keyphrases,fingerprint", (string?)body["select"]);
    }
}
