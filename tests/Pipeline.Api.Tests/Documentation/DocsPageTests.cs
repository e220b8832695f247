using System.Text.RegularExpressions;
using Pipeline.Api.Documentation;
using Pipeline.Api.Tests.Support;

namespace Pipeline.Api.Tests.Documentation;

/// <summary>The browsable docs page: everything in the document is on it, and it needs nothing from the internet.</summary>
public sealed partial class DocsPageTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>, IAsyncLifetime
{
    private readonly ApiServer _server = fixture.Reset();
    private string _page = null!;

    public async ValueTask InitializeAsync()
    {
        var response = await _server.GetAsync("/api/docs");
        Assert.Equal((200, "text/html"), (response.Status, response.MediaType));
        _page = response.Body;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public void The_page_has_a_section_and_a_try_it_form_for_every_operation()
    {
        foreach (var (path, method, operation) in ApiDocsPage.Operations(ApiDocument.Create()))
        {
            Assert.Contains($"id=\"{operation["operationId"]}\"", _page, StringComparison.Ordinal);
            Assert.Contains($"data-method=\"{method.ToUpperInvariant()}\" data-path=\"{path}\"", _page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_page_lists_every_search_parameter()
    {
        foreach (var name in Binding.SearchParameterNames.SearchQueryString.Names)
        {
            Assert.Contains($"<code>{name}</code>", _page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_page_describes_every_schema()
    {
        foreach (var (name, _) in ApiDocument.Create()["components"]!["schemas"]!.AsObject())
        {
            Assert.Contains($"id=\"schema-{name}\"", _page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_examples_are_links_that_run_the_request()
    {
        Assert.Contains("<a class=\"try-link\" href=\"/api/search?q=ceasefire\">", _page, StringComparison.Ordinal);
        Assert.Contains("<a class=\"try-link\" href=\"/api/suggest?q=ukra\">", _page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_loads_nothing_from_elsewhere()
    {
        Assert.DoesNotMatch(ExternalResource(), _page);
        Assert.DoesNotContain("<link", _page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script src", _page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", _page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Text_from_the_document_is_html_escaped()
    {
        // The search description shows the tags a snippet has; they must reach the reader as text, not markup.
        Assert.Contains("&lt;em&gt;", _page, StringComparison.Ordinal);
        Assert.DoesNotContain("<mark>", _page, StringComparison.Ordinal);
    }

    [GeneratedRegex("""(src|href|action)\s*=\s*["']?(https?:)?//""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalResource();
}
