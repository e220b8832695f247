using Pipeline.Api.Tests.Support;

namespace Pipeline.Api.Tests.Articles;

/// <summary><c>GET /api/health</c>: whether storage and the index answer, 503 with the reason when one does not.</summary>
public sealed class HealthTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>
{
    private readonly ApiServer _server = fixture.Reset();

    [Fact]
    public async Task Health_is_200_with_the_document_count_when_storage_and_the_index_answer()
    {
        _server.Index.SearchAnswer = new(7, []);

        var body = (await _server.GetAsync("/api/health")).Ok();

        Assert.Equal(("*", 0), (_server.Index.LastSearch.Query, _server.Index.LastSearch.Top));
        Assert.Equal(("healthy", 7L), ((string?)body["status"], (long?)body["articles"]));
        Assert.Equal(("up", "up"), ((string?)body["storage"]!["status"], (string?)body["index"]!["status"]));
        Assert.Equal(1, _server.Sources.Reads);
    }

    [Fact]
    public async Task Health_is_503_naming_storage_when_storage_does_not_answer()
    {
        _server.Index.SearchAnswer = new(7, []);
        _server.Sources.Failure = new IOException("Connection refused (127.0.0.1:10000)");

        var response = await _server.GetAsync("/api/health");

        Assert.Equal(503, response.Status);
        var body = response.Json;
        Assert.Equal("unhealthy", (string?)body["status"]);
        Assert.Equal("down", (string?)body["storage"]!["status"]);
        Assert.Equal("Storage failed: Connection refused (127.0.0.1:10000)", (string?)body["storage"]!["reason"]);
        Assert.Equal(("up", 7L), ((string?)body["index"]!["status"], (long?)body["articles"]));
    }

    [Fact]
    public async Task Health_is_503_naming_the_index_without_a_count_when_the_index_does_not_answer()
    {
        _server.Index.SearchFailure = new HttpRequestException("No such host is known. (search.example)");

        var response = await _server.GetAsync("/api/health");

        Assert.Equal(503, response.Status);
        var body = response.Json;
        Assert.Equal("unhealthy", (string?)body["status"]);
        Assert.Equal("down", (string?)body["index"]!["status"]);
        Assert.Equal("The index failed: No such host is known. (search.example)", (string?)body["index"]!["reason"]);
        Assert.Null(body["articles"]);
        Assert.Equal("up", (string?)body["storage"]!["status"]);
    }

    [Fact]
    public async Task Health_reuses_one_probe_for_a_second()
    {
        await _server.GetAsync("/api/health");
        await _server.GetAsync("/api/health");
        await _server.GetAsync("/api/health");
        Assert.Equal((1, 1), (_server.Sources.Reads, _server.Index.Searches.Count));

        _server.Clock.Advance(TimeSpan.FromSeconds(1));
        await _server.GetAsync("/api/health");

        Assert.Equal((2, 2), (_server.Sources.Reads, _server.Index.Searches.Count));
    }

    [Fact]
    public async Task Health_recovers_once_the_cached_failure_is_a_second_old()
    {
        _server.Sources.Failure = new IOException("Connection refused");
        Assert.Equal(503, (await _server.GetAsync("/api/health")).Status);

        _server.Sources.Failure = null;
        _server.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("healthy", (string?)(await _server.GetAsync("/api/health")).Ok()["status"]);
    }
}
