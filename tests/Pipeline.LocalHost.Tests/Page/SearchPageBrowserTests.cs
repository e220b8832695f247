using Pipeline.LocalHost.Tests.Support;
using Pipeline.LocalHost.Tests.Support.Browser;
using Pipeline.LocalHost.Upload;
using Pipeline.Testing;

namespace Pipeline.LocalHost.Tests.Page;

/// <summary>
/// The search page in a real browser (headless Chromium over the DevTools protocol) against a local host with the
/// repository's samples uploaded. Screenshots of each step are saved under <c>TestResults/page/</c> on every run.
/// </summary>
public sealed class SearchPageBrowserTests(AzuriteFixture azurite)
{
    private const string SeedTitle = "Ukraine Seeks New Peace Talks With Russia Amid Ongoing Violence";

    // A headline of the seed's KEEP READING list, and the sample that carries it.
    private const string LinkedTitle = "Superman Soars High with $57.3 Million in Second Weekend";
    private const string LinkedBlob = "herald/superman-second-weekend.html";

    private static readonly string Screenshots = Path.Combine(TestData.RepositoryRoot, "TestResults", "page");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reader_searches_filters_by_a_facet_and_follows_the_seed_article_to_its_resolved_related_link()
    {
        using var scope = new LocalHostScope();
        await using var host = await RunningLocalHost.StartAsync(azurite.ConnectionString, scope, Ct);
        await host.UploadAsync(
            Ct,
            new UploadItem(Sample("ukraine-peace-talks.txt"), "ukraine-peace-talks.txt"),
            new UploadItem(Sample("herald", "superman-second-weekend.html"), LinkedBlob));
        var seed = await host.WaitForSearchHitAsync("ceasefire", SeedTitle, Ct);
        var linked = await host.WaitForSearchHitAsync("Superman", LinkedTitle, Ct);

        await using var browser = await ChromiumBrowser.StartAsync(Ct);
        await using var page = await browser.OpenPageAsync(Ct);
        await page.SetViewportAsync(1280, 900, mobile: false, Ct);
        var site = host.Host.Urls[0];

        // Everything, newest first, with facets.
        await page.NavigateAsync(site, Ct);
        await ResultsAsync(page, 2, "both articles listed");
        await page.ScreenshotAsync(Path.Combine(Screenshots, "1-everything.png"), Ct);

        // Suggestions as you type.
        await page.ClickAsync("#q", Ct);
        await page.TypeAsync("supe", Ct);
        await page.WaitForAsync("document.querySelector('#suggestions:not([hidden]) li')", "a title suggestion for 'supe'", Ct);
        Assert.Equal([LinkedTitle], await page.TextsAsync("#suggestions li", Ct));
        Assert.Equal(["Superman"], await page.TextsAsync("#suggestions li mark", Ct));
        await page.ScreenshotAsync(Path.Combine(Screenshots, "2-suggestions.png"), Ct);

        // A query that both match, then a facet that leaves one.
        await page.EvaluateAsync("document.querySelector('#q').value = ''", Ct);
        await page.TypeAsync("next week", Ct);
        await page.PressAsync("Enter", Ct);
        await page.WaitForAsync("location.search.includes('q=next+week')", "the query in the URL", Ct);
        await ResultsAsync(page, 2, "both articles to match 'next week'");
        Assert.NotEmpty(await page.TextsAsync(".hit mark", Ct));

        await page.ClickAsync(".facet[data-facet='source'][data-value='herald']", Ct);
        await page.WaitForAsync("location.search.includes('source=herald')", "the facet filter in the URL", Ct);
        await ResultsAsync(page, 1, "only the herald article after clicking the source facet");
        Assert.Equal([LinkedTitle], await page.TextsAsync(".hit-title", Ct));
        Assert.Equal(["Source: herald ×"], await page.TextsAsync("#active-filters .chip", Ct));
        await page.ScreenshotAsync(Path.Combine(Screenshots, "3-facet.png"), Ct);

        // The URL holds the whole search: loading it again shows the same page.
        await page.NavigateAsync(new Uri(site, "/?q=next+week&source=herald"), Ct);
        await ResultsAsync(page, 1, "the filtered search after a reload");

        // Back to both, and open the seed.
        await page.ClickAsync("#active-filters .chip", Ct);
        await ResultsAsync(page, 2, "both articles after removing the filter");
        await page.ClickAsync($".hit-title[href='./?article={seed.Id}']", Ct);
        await page.WaitForAsync($"document.querySelector('#article-view:not([hidden]) h1')?.textContent === {Quote(SeedTitle)}", "the seed article", Ct);
        Assert.Equal(
            ["Urgent Need for Military Support", "Updates on Negotiations and Casualties", "Conditions for Peace and Challenges Ahead"],
            await page.TextsAsync(".article-body h2", Ct));

        // Its KEEP READING list: the indexed headline links to its article, the others are text.
        await page.WaitForAsync("document.querySelector('.related.editorial')", "the editorial links", Ct);
        Assert.Equal([LinkedTitle], await page.TextsAsync(".related.editorial li.resolved a", Ct));
        Assert.Equal($"./?article={linked.Id}", await page.EvaluateAsync("document.querySelector('.related.editorial li.resolved a').getAttribute('href')", Ct) is { } href ? (string?)href : null);
        Assert.Equal(5, (await page.TextsAsync(".related.editorial li.unresolved", Ct)).Count);
        Assert.Empty(await page.TextsAsync(".related.editorial li.unresolved a", Ct));
        await page.ScreenshotAsync(Path.Combine(Screenshots, "4-seed-article.png"), Ct);

        await page.ClickAsync(".related.editorial li.resolved a", Ct);
        await page.WaitForAsync($"document.querySelector('#article-view:not([hidden]) h1')?.textContent === {Quote(LinkedTitle)}", "the linked article", Ct);
        await page.ScreenshotAsync(Path.Combine(Screenshots, "5-linked-article.png"), Ct);

        // The uploads view: both uploads indexed.
        await page.ClickAsync("#nav-ingest", Ct);
        await page.WaitForAsync("document.querySelectorAll('#uploads tbody .outcome-indexed').length === 2", "both uploads shown as indexed", Ct);
        Assert.Equal([LinkedBlob, "ukraine-peace-talks.txt"], (await page.TextsAsync("#uploads .blob", Ct)).Order());
        await page.ScreenshotAsync(Path.Combine(Screenshots, "6-uploads.png"), Ct);

        // On a phone.
        await page.SetViewportAsync(390, 844, mobile: true, Ct);
        await page.NavigateAsync(new Uri(site, $"/?article={seed.Id}"), Ct);
        await page.WaitForAsync($"document.querySelector('#article-view:not([hidden]) h1')?.textContent === {Quote(SeedTitle)}", "the seed article on a phone", Ct);
        await page.ScreenshotAsync(Path.Combine(Screenshots, "7-phone-article.png"), Ct);
        await page.NavigateAsync(new Uri(site, "/?q=week"), Ct);
        await ResultsAsync(page, 2, "the search on a phone");
        await page.ScreenshotAsync(Path.Combine(Screenshots, "8-phone-search.png"), Ct);
        Assert.Equal(390.0, (double)(await page.EvaluateAsync("document.documentElement.scrollWidth", Ct))!, 0);

        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Text_from_articles_is_shown_as_text_and_never_run_as_markup()
    {
        using var scope = new LocalHostScope();
        using var files = new TemporaryDirectory("hostile");
        var hostile = files.WriteFile(
            "hostile.md",
            "---\ntitle: \"<img src=x onerror=window.__pwned=1> Harbour <b>bold</b> claims\"\nauthor: \"<script>window.__pwned=2</script>\"\n---\n\n" +
            "The harbour story has <script>window.__pwned=3</script> markup and <img src=x onerror=window.__pwned=4> inside its text, which the page must show as text.");
        await using var host = await RunningLocalHost.StartAsync(azurite.ConnectionString, scope, Ct);
        await host.UploadAsync(Ct, new UploadItem(hostile, "hostile.md"));
        var hit = await host.WaitForAsync(
            async ct => (await host.SearchAsync("harbour", ct)).Value.FirstOrDefault(),
            () => "the hostile article to be indexed",
            Ct);

        await using var browser = await ChromiumBrowser.StartAsync(Ct);
        await using var page = await browser.OpenPageAsync(Ct);
        await page.SetViewportAsync(1280, 900, mobile: false, Ct);
        await page.NavigateAsync(new Uri(host.Host.Urls[0], "/?q=harbour"), Ct);
        await ResultsAsync(page, 1, "the hostile article in the results");
        await page.EvaluateAsync("document.querySelector('#q').value = ''", Ct);
        await page.ClickAsync("#q", Ct);
        await page.TypeAsync("harb", Ct);
        await page.WaitForAsync("document.querySelector('#suggestions:not([hidden]) li')", "a suggestion", Ct);
        await page.ScreenshotAsync(Path.Combine(Screenshots, "hostile-results.png"), Ct);
        await page.NavigateAsync(new Uri(host.Host.Urls[0], $"/?article={hit.Id}"), Ct);
        await page.WaitForAsync("document.querySelector('#article-view:not([hidden]) h1')", "the hostile article", Ct);

        Assert.Equal(hit.Title, await page.TextAsync("#article-view h1", Ct));
        Assert.Contains("<img", hit.Title, StringComparison.Ordinal);
        Assert.Equal(0, (int)(await page.EvaluateAsync("document.querySelectorAll('main img, main script, main b').length", Ct))!);
        Assert.Null(await page.EvaluateAsync("window.__pwned ?? null", Ct));
    }

    private static Task ResultsAsync(CdpPage page, int count, string describe) =>
        page.WaitForAsync(
            $"!document.body.hasAttribute('aria-busy') && !document.querySelector('#search-view').hidden && document.querySelectorAll('#results .hit').length === {count}",
            describe,
            Ct);

    private static string Sample(params string[] parts) => Path.Combine([TestData.RepositoryRoot, "samples", .. parts]);

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
