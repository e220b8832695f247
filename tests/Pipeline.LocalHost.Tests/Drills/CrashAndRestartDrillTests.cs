using Azure.Storage.Blobs;
using Pipeline.LocalHost.Azurite;
using Pipeline.LocalHost.Tests.Support;
using Pipeline.LocalHost.Upload;

namespace Pipeline.LocalHost.Tests.Drills;

/// <summary>
/// Failure drills: the host killed or restarted, and storage restarted, in the middle of ingesting. Every uploaded
/// article must end up indexed exactly once, and the index must open again after the crash.
/// </summary>
public sealed class CrashAndRestartDrillTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan IngestLimit = TimeSpan.FromMinutes(3);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Host_killed_mid_ingest_of_1000_articles_ends_with_each_indexed_exactly_once_after_a_restart()
    {
        const int Count = 1000;
        using var scope = new LocalHostScope();
        using var articles = new DrillArticles(Count);
        var port = FreePort.Next();

        long countAtKill;
        await using (var first = await LocalHostProcess.StartAsync(azurite.ConnectionString, scope, port, Ct))
        {
            var upload = UploadAsync(azurite.ConnectionString, scope, articles.Items);
            countAtKill = await DrillArticles.WaitForCountAsync(first.IndexedCountAsync, Count / 10, IngestLimit, () => first.OutputTail, Ct);
            await first.KillAsync();
            await upload;
        }

        await using var second = await LocalHostProcess.StartAsync(azurite.ConnectionString, scope, port, Ct);
        await DrillArticles.WaitForCountAsync(second.IndexedCountAsync, Count, IngestLimit, () => second.OutputTail, Ct);

        var ids = await DrillArticles.SearchAllIdsAsync(second.Http, Ct);
        TestContext.Current.SendDiagnosticMessage($"Killed pid {second.ProcessId} with {countAtKill} of {Count} indexed; after the restart the index holds {ids.Count}.");
        Assert.True(countAtKill < Count, $"the host had indexed all {Count} articles before it was killed; the drill killed nothing mid-way");
        Assert.Equal(Count, ids.Count);
        Assert.Equal(Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.True(articles.ExpectedIds.SetEquals(ids), "the index holds ids that were not uploaded, or misses some");
        Assert.Equal(Count, await second.IndexedCountAsync(Ct));
    }

    [Fact]
    public async Task Host_stopped_gracefully_mid_ingest_picks_up_where_it_left_off()
    {
        const int Count = 300;
        using var scope = new LocalHostScope();
        using var articles = new DrillArticles(Count);

        await using (var first = await RunningLocalHost.StartAsync(azurite.ConnectionString, scope, Ct))
        {
            await first.UploadAsync(Ct, [.. articles.Items]);
            await DrillArticles.WaitForCountAsync(ct => HealthCountAsync(first, ct), Count / 10, IngestLimit, first.Logs.Summary, Ct);
        }

        await using var second = await RunningLocalHost.StartAsync(azurite.ConnectionString, scope, Ct);
        await DrillArticles.WaitForCountAsync(ct => HealthCountAsync(second, ct), Count, IngestLimit, second.Logs.Summary, Ct);

        var ids = await DrillArticles.SearchAllIdsAsync(second.Http, Ct);
        Assert.Equal(Count, ids.Count);
        Assert.True(articles.ExpectedIds.SetEquals(ids));
    }

    [Fact]
    public async Task Storage_restarted_mid_ingest_delays_articles_but_loses_none()
    {
        const int Count = 200;
        using var scope = new LocalHostScope();
        using var articles = new DrillArticles(Count);
        using var data = new TemporaryDirectory("azurite-drill");

        // Its own Azurite: the shared one serves the other tests while this one goes down. The host runs as its own
        // process, as `run` does, because recovering from storage going away can take a restart of the host.
        var storage = await AzuriteProcess.StartAsync(new AzuriteStartOptions { Location = data.Path, UseFreePorts = true, StartTimeout = TimeSpan.FromMinutes(2) }, Ct);
        try
        {
            await using var host = await LocalHostProcess.StartAsync(storage.ConnectionString, scope, FreePort.Next(), Ct);
            await UploadAsync(storage.ConnectionString, scope, articles.Items.Take(Count / 2));
            await DrillArticles.WaitForCountAsync(host.IndexedCountAsync, Count / 20, IngestLimit, () => host.OutputTail, Ct);

            var endpoints = storage.Endpoints;
            await storage.DisposeAsync();
            await Task.Delay(TimeSpan.FromSeconds(3), Ct);
            storage = await AzuriteProcess.StartAsync(new AzuriteStartOptions { Location = data.Path, Endpoints = endpoints, StartTimeout = TimeSpan.FromMinutes(2) }, Ct);

            await UploadAsync(storage.ConnectionString, scope, articles.Items.Skip(Count / 2));
            await DrillArticles.WaitForCountAsync(host.IndexedCountAsync, Count, IngestLimit, () => host.OutputTail, Ct);

            var ids = await DrillArticles.SearchAllIdsAsync(host.Http, Ct);
            TestContext.Current.SendDiagnosticMessage($"Storage restarted with {Count / 2} of {Count} uploaded; the host restarted itself {host.Restarts} time(s); the index holds {ids.Count}.");
            Assert.Equal(Count, ids.Count);
            Assert.True(articles.ExpectedIds.SetEquals(ids));
        }
        finally
        {
            await storage.DisposeAsync();
        }
    }

    private static async Task<long> HealthCountAsync(RunningLocalHost host, CancellationToken cancellationToken) =>
        (await host.SearchAsync("*", cancellationToken)).Count ?? 0;

    private static async Task UploadAsync(string connectionString, LocalHostScope scope, IEnumerable<UploadItem> items)
    {
        var container = new BlobContainerClient(connectionString, scope.Containers.Articles);
        await foreach (var _ in new ArticleUploader(container).UploadAsync(items, Ct))
        {
        }
    }
}
