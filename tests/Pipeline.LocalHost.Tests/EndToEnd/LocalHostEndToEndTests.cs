using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Api;
using Pipeline.Api.Documentation;
using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Serialization;
using Pipeline.LocalHost.Changes;
using Pipeline.LocalHost.Tests.Support;
using Pipeline.LocalHost.Upload;
using Pipeline.Testing;

namespace Pipeline.LocalHost.Tests.EndToEnd;

/// <summary>
/// The local host as a person uses it: files uploaded to Azurite come back from the HTTP API. Each test has its own
/// containers and index on the shared Azurite.
/// </summary>
public sealed class LocalHostEndToEndTests(AzuriteFixture azurite)
{
    private const string SeedTitle = "Ukraine Seeks New Peace Talks With Russia Amid Ongoing Violence";
    private const string BusinessTitle = "Ad sales boost Time Warner profit";
    private const string TechTitle = "Ink helps drive democracy in Asia";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Uploaded_articles_are_searchable_and_served_with_sections_and_related_links()
    {
        var seed = TestData.RequireShared("samples", "ukraine-peace-talks.txt");
        var business = TestData.RequireShared("corpora", "bbc", "business", "001.txt");
        var tech = TestData.RequireShared("corpora", "bbc", "tech", "001.txt");
        using var scope = new LocalHostScope();
        await using var host = await RunningLocalHost.StartAsync(azurite.ConnectionString, scope, Ct);

        await host.UploadAsync(
            Ct,
            new UploadItem(seed, "ukraine-peace-talks.txt"),
            new UploadItem(business, "bbc/business/001.txt"),
            new UploadItem(tech, "bbc/tech/001.txt"));

        var seedHit = await host.WaitForSearchHitAsync("ceasefire", SeedTitle, Ct);
        await host.WaitForSearchHitAsync("Warner", BusinessTitle, Ct);
        await host.WaitForSearchHitAsync("democracy", TechTitle, Ct);

        var article = await host.Http.GetFromJsonAsync<Article>($"/api/articles/{seedHit.Id}", PipelineJson.Options, Ct);
        Assert.NotNull(article);
        Assert.Equal(SeedTitle, article.Title);
        Assert.Equal(
            ["Urgent Need for Military Support", "Updates on Negotiations and Casualties", "Conditions for Peace and Challenges Ahead"],
            article.Sections.Select(section => section.Heading).OfType<string>());
        Assert.Equal(6, article.Related.Count);

        using var health = await host.Http.GetAsync("/api/health", Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(new HealthResponse("healthy", 3, HealthCheck.Answered, HealthCheck.Answered), await health.Content.ReadFromJsonAsync<HealthResponse>(PipelineJson.Options, Ct));
    }

    [Fact]
    public async Task The_api_describes_itself_and_answers_what_it_does_not_serve_with_problems()
    {
        using var scope = new LocalHostScope();
        await using var host = await RunningLocalHost.StartAsync(azurite.ConnectionString, scope, Ct);

        var document = await host.Http.GetFromJsonAsync<JsonObject>("/api/openapi.json", Ct);
        Assert.Equal(ApiDocument.OpenApiVersion, (string?)document!["openapi"]);
        using var docs = await host.Http.GetAsync("/api/docs", Ct);
        Assert.Equal("text/html", docs.Content.Headers.ContentType?.MediaType);

        using var posted = await host.Http.PostAsJsonAsync("/api/search", new { q = "*", top = 1 }, Ct);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        using var delete = await host.Http.DeleteAsync("/api/articles/any-article-00000000", Ct);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        Assert.Equal("application/problem+json", delete.Content.Headers.ContentType?.MediaType);

        using var unknown = await host.Http.GetAsync("/api/nothing-here", Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Ingest_keeps_the_normalized_article_as_json_in_the_normalized_container()
    {
        var seed = TestData.RequireShared("samples", "ukraine-peace-talks.txt");
        using var scope = new LocalHostScope();
        await using var host = await RunningLocalHost.StartAsync(azurite.ConnectionString, scope, Ct);

        await host.UploadAsync(Ct, new UploadItem(seed, "ukraine-peace-talks.txt"));
        var hit = await host.WaitForSearchHitAsync("ceasefire", SeedTitle, Ct);

        var stored = await host.Normalized.GetBlobClient($"{hit.Id}.json").DownloadContentAsync(Ct);
        var article = stored.Value.Content.ToObjectFromJson<Article>(PipelineJson.Options);
        Assert.Equal(SeedTitle, article!.Title);
        Assert.Equal("ukraine-peace-talks.txt", article.Source.BlobName);
        Assert.Equal("application/json; charset=utf-8", stored.Value.Details.ContentType);
    }

    [Fact]
    public async Task A_blob_that_is_not_an_article_is_rejected_without_stopping_the_next_one()
    {
        var tech = TestData.RequireShared("corpora", "bbc", "tech", "001.txt");
        using var scope = new LocalHostScope();
        using var files = new TemporaryDirectory("not-an-article");
        var empty = files.WriteFile("empty.txt", string.Empty);
        await using var host = await RunningLocalHost.StartAsync(azurite.ConnectionString, scope, Ct);

        await host.UploadAsync(Ct, new UploadItem(empty, "empty.txt"), new UploadItem(tech, "tech.txt"));

        await host.WaitForSearchHitAsync("democracy", TechTitle, Ct);
        await host.WaitForAsync(
            async ct => await host.Rejected.GetBlobClient("empty.txt.json").ExistsAsync(ct) ? "recorded" : null,
            () => $"the rejection record '{scope.Containers.Rejected}/empty.txt.json'",
            Ct);
        Assert.Equal(["empty.txt"], host.Logs.RejectedBlobNames);
        Assert.Equal(1, (await host.SearchAsync("*", Ct)).Count);
    }

    [Fact]
    public async Task After_a_restart_ingested_blobs_are_not_processed_again_but_new_ones_are()
    {
        var business = TestData.RequireShared("corpora", "bbc", "business", "001.txt");
        var tech = TestData.RequireShared("corpora", "bbc", "tech", "001.txt");
        using var scope = new LocalHostScope();

        await using (var first = await RunningLocalHost.StartAsync(azurite.ConnectionString, scope, Ct))
        {
            await first.UploadAsync(Ct, new UploadItem(business, "before-restart.txt"));
            await first.WaitForSearchHitAsync("Warner", BusinessTitle, Ct);
        }

        await using var second = await RunningLocalHost.StartAsync(azurite.ConnectionString, scope, Ct);
        await second.UploadAsync(Ct, new UploadItem(tech, "after-restart.txt"));
        await second.WaitForSearchHitAsync("democracy", TechTitle, Ct);

        // The start-up listing found the old blob indexed in its current version, so it did not queue it again.
        Assert.Equal(["after-restart.txt"], second.Logs.IndexedBlobNames);
        // Not even looked at: an unchanged blob that reached the ingestor would log "Skipped", not "Indexed".
        Assert.DoesNotContain(second.Logs.Entries, e => e.Category == typeof(ArticleIngestor).FullName && e.Message.Contains("before-restart.txt"));
        Assert.Equal(BusinessTitle, Assert.Single((await second.SearchAsync("Warner", Ct)).Value).Title);
    }

    [Fact]
    public async Task An_announced_upload_is_ingested_without_waiting_for_the_next_listing()
    {
        var tech = TestData.RequireShared("corpora", "bbc", "tech", "001.txt");
        using var scope = new LocalHostScope();
        // Listings an hour apart: only the announcement can bring the upload in.
        await using var host = await RunningLocalHost.StartAsync(azurite.ConnectionString, scope, Ct, new Dictionary<string, string?>
        {
            ["Pipeline:LocalHost:Changes:MinScanInterval"] = "01:00:00",
            ["Pipeline:LocalHost:Changes:MaxScanInterval"] = "01:00:00",
        });
        await host.Host.Services.GetRequiredService<BlobChangeDetector>().FirstListing.WaitAsync(Ct);

        await host.UploadAsync(Ct, new UploadItem(tech, "tech.txt"));
        Assert.True(await UploadQueue.Create(azurite.ConnectionString, scope.Containers.Articles, null).TryAnnounceAsync([new AnnouncedBlob("tech.txt")], Ct));

        await host.WaitForSearchHitAsync("democracy", TechTitle, Ct);
    }
}
