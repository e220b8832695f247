using Pipeline.Api.Tests.Support;

namespace Pipeline.Api.Tests.Page;

/// <summary>The search page's files, served at the site root from the assembly as they are written.</summary>
public sealed class SearchPageTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Site_root_serves_the_page_that_loads_its_own_script_and_stylesheet()
    {
        using var response = await fixture.Reset().Http.GetAsync("/", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script src=\"page/page.js\" defer></script>", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"stylesheet\" href=\"page/page.css\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/page/page.js", "text/javascript")]
    [InlineData("/page/page.css", "text/css")]
    public async Task Page_files_are_served_with_their_media_type(string path, string mediaType)
    {
        using var response = await fixture.Reset().Http.GetAsync(path, Ct);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Page_may_load_nothing_from_other_origins()
    {
        using var response = await fixture.Reset().Http.GetAsync("/", Ct);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/page/index.html")]
    [InlineData("/page/secrets.json")]
    public async Task Any_other_page_file_is_a_404_problem(string path)
    {
        var response = await fixture.Reset().GetAsync(path);

        response.Problem(404);
    }

    [Fact]
    public async Task Script_puts_data_into_the_page_as_text_only()
    {
        using var response = await fixture.Reset().Http.GetAsync("/page/page.js", Ct);
        var script = await response.Content.ReadAsStringAsync(Ct);

        Assert.DoesNotContain("innerHTML", script, StringComparison.Ordinal);
        Assert.DoesNotContain("insertAdjacentHTML", script, StringComparison.Ordinal);
        Assert.DoesNotContain("document.write", script, StringComparison.Ordinal);
    }
}
