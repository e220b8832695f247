using System.Diagnostics;
using Azure.Storage.Blobs;
using Pipeline.LocalHost.Azurite;
using Pipeline.LocalHost.Tests.Support;
using Pipeline.LocalHost.Upload;

namespace Pipeline.LocalHost.Tests.Drills;

/// <summary>
/// A stop while storage is gone: the host must end within its shutdown timeout whatever storage does, and leave the
/// blobs it had not finished for the next start, which finishes them.
/// </summary>
public sealed class ShutdownDrillTests
{
    // Shorter than the 30 s default so the drill stays short; the host must honour whatever is configured.
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(15);

    // Process start-up of the stop itself (signal delivery, runtime teardown) on a loaded machine; the blobs in hand
    // alone used to hold the host for minutes, so this margin cannot hide that.
    private static readonly TimeSpan ExitMargin = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan IngestLimit = TimeSpan.FromMinutes(4);

    // Node.js starting on a busy machine; not what is under test.
    private static readonly TimeSpan AzuriteStart = TimeSpan.FromSeconds(90);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Host_stopped_while_storage_is_down_exits_within_its_shutdown_timeout_and_the_next_start_finishes_every_blob()
    {
        const int Count = 400;
        using var scope = new LocalHostScope();
        using var articles = new DrillArticles(Count, "stop");
        using var data = new TemporaryDirectory("azurite-stop");
        var settings = new Dictionary<string, string> { ["shutdownTimeoutSeconds"] = $"{ShutdownTimeout.TotalSeconds:0}" };

        // Its own Azurite: it goes down mid-ingest while the shared one serves the other tests.
        var storage = await AzuriteProcess.StartAsync(new AzuriteStartOptions { Location = data.Path, UseFreePorts = true, StartTimeout = AzuriteStart }, Ct);
        try
        {
            var endpoints = storage.Endpoints;
            var port = FreePort.Next();
            await using (var first = await LocalHostProcess.StartAsync(storage.ConnectionString, scope, port, settings, Ct))
            {
                await UploadAsync(storage.ConnectionString, scope, articles.Items);
                var indexed = await DrillArticles.WaitForCountAsync(first.IndexedCountAsync, Count / 20, IngestLimit, () => first.OutputTail, Ct);

                await storage.DisposeAsync();
                var clock = Stopwatch.StartNew();
                var exited = await first.TerminateAsync(ShutdownTimeout + ExitMargin);
                var took = clock.Elapsed;
                TestContext.Current.SendDiagnosticMessage(
                    $"Storage stopped with {indexed} of {Count} indexed; SIGTERM → {(exited ? $"exit {first.ExitCode}" : "still running")} after {took.TotalSeconds:0.0} s.");
                Assert.True(exited, $"the host was still running {took.TotalSeconds:0} s after SIGTERM with storage down (shutdown timeout {ShutdownTimeout.TotalSeconds:0} s):{Environment.NewLine}{first.OutputTail}");
            }

            storage = await AzuriteProcess.StartAsync(new AzuriteStartOptions { Location = data.Path, Endpoints = endpoints, StartTimeout = AzuriteStart }, Ct);
            await using var second = await LocalHostProcess.StartAsync(storage.ConnectionString, scope, FreePort.Next(), settings, Ct);
            await DrillArticles.WaitForCountAsync(second.IndexedCountAsync, Count, IngestLimit, () => second.OutputTail, Ct);

            var ids = await DrillArticles.SearchAllIdsAsync(second.Http, Ct);
            Assert.Equal(Count, ids.Count);
            Assert.True(articles.ExpectedIds.SetEquals(ids), "the index holds ids that were not uploaded, or misses some");
        }
        finally
        {
            await storage.DisposeAsync();
        }
    }

    private static async Task UploadAsync(string connectionString, LocalHostScope scope, IEnumerable<UploadItem> items)
    {
        var container = new BlobContainerClient(connectionString, scope.Containers.Articles);
        await foreach (var _ in new ArticleUploader(container).UploadAsync(items, Ct))
        {
        }
    }
}
