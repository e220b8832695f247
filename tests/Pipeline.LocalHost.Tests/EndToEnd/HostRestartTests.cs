using System.Net.Http.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Api;
using Pipeline.Core.Serialization;
using Pipeline.LocalHost.Hosting;
using Pipeline.LocalHost.Tests.Support;
using Pipeline.LocalHost.Upload;
using Pipeline.Testing;

namespace Pipeline.LocalHost.Tests.EndToEnd;

/// <summary>A host whose trigger failed for good asks for a restart; the fresh host carries on with the same storage and index.</summary>
public sealed class HostRestartTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_restarted_host_keeps_its_articles_and_ingests_new_uploads()
    {
        var tech = TestData.RequireShared("corpora", "bbc", "tech", "001.txt");
        var business = TestData.RequireShared("corpora", "bbc", "business", "001.txt");
        using var scope = new LocalHostScope();
        await using var first = await RunningLocalHost.StartAsync(azurite.ConnectionString, scope, Ct);
        await first.UploadAsync(Ct, new UploadItem(tech, "tech.txt"));
        await first.WaitForSearchHitAsync("democracy", "Ink helps drive democracy in Asia", Ct);

        first.Host.Services.GetRequiredService<HostRestartRequest>().Request("the drill asked for it");
        await first.Host.WaitForShutdownAsync(Ct);
        var reason = first.Host.RestartReason;
        await using var second = await first.Host.RestartAsync(Ct);
        var uploader = new ArticleUploader(new BlobContainerClient(azurite.ConnectionString, scope.Containers.Articles));
        await foreach (var _ in uploader.UploadAsync([new UploadItem(business, "business.txt")], Ct))
        {
        }

        using var http = new HttpClient { BaseAddress = second.Urls[0] };
        await first.WaitForAsync(
            async ct => (await http.GetFromJsonAsync<HealthResponse>("/api/health", PipelineJson.Options, ct))?.Articles is 2 ? "both" : null,
            () => "the restarted host to index the upload made after the restart, next to the one from before",
            Ct);
        Assert.Equal("the drill asked for it", reason);
        Assert.Null(second.RestartReason);
    }
}
