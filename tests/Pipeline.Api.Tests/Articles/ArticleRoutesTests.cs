using Pipeline.Api.Tests.Support;
using Pipeline.Testing.Articles;

namespace Pipeline.Api.Tests.Articles;

/// <summary>The article and related routes, and what the host answers for routes and methods the API does not have.</summary>
public sealed class ArticleRoutesTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>, IAsyncLifetime
{
    private const string Id = "flood-warning-1a2b3c4d";

    private readonly ApiServer _server = fixture.Reset();

    public async ValueTask InitializeAsync()
    {
        await _server.Index.UpsertAsync(
            ArticleBuilder.Article(Id).WithTitle("Flood warning for the Thames").WithBody("Water rose overnight.").Build(),
            TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task An_article_is_returned_whole()
    {
        var body = (await _server.GetAsync($"/api/articles/{Id}")).Ok();

        Assert.Equal((Id, "Flood warning for the Thames", "Water rose overnight."), ((string?)body["id"], (string?)body["title"], (string?)body["body"]));
        Assert.NotNull(body["sections"]);
    }

    [Fact]
    public async Task An_unknown_article_is_a_404_problem()
    {
        var problem = (await _server.GetAsync("/api/articles/no-such-article-00000000")).Problem(404);

        Assert.Contains("no-such-article-00000000", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Not-An-Id")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("%E6%9D%B1%E4%BA%AC")]
    public async Task A_malformed_id_is_a_400_naming_the_id(string id)
    {
        (await _server.GetAsync($"/api/articles/{id}")).InvalidParameter("id");
    }

    [Fact]
    public async Task Articles_cannot_be_deleted_over_http()
    {
        var response = await _server.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/articles/{Id}"));

        response.Problem(405);
        Assert.Contains(Id, _server.Index.Articles.Keys);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        (await _server.GetAsync("/api/nothing-here")).Problem(404);
    }

    [Fact]
    public async Task An_article_route_takes_no_query_parameters()
    {
        (await _server.GetAsync($"/api/articles/{Id}?fields=title")).InvalidParameter("fields");
    }

    [Fact]
    public async Task Related_links_are_returned_for_an_indexed_article()
    {
        var body = (await _server.GetAsync($"/api/articles/{Id}/related?top=3")).Ok();

        Assert.Equal(Id, (string?)body["id"]);
        Assert.NotNull(body["editorial"]);
        Assert.NotNull(body["similar"]);
    }

    [Theory]
    [InlineData("top=51")]
    [InlineData("top=-1")]
    [InlineData("top=many")]
    public async Task Related_top_out_of_range_is_a_400(string query)
    {
        (await _server.GetAsync($"/api/articles/{Id}/related?{query}")).InvalidParameter("top");
    }

    [Fact]
    public async Task Related_links_of_an_unknown_article_are_a_404_problem()
    {
        (await _server.GetAsync("/api/articles/no-such-article-00000000/related")).Problem(404);
    }
}
