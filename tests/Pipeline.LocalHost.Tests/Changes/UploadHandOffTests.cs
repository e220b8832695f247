using Microsoft.Extensions.DependencyInjection;
using Pipeline.LocalHost.Changes;
using Pipeline.LocalHost.Tests.Support;
using Pipeline.LocalHost.Upload;
using Pipeline.Testing;

namespace Pipeline.LocalHost.Tests.Changes;

/// <summary>
/// <c>upload</c> hands what it wrote straight to the running host, found through the upload queue's metadata, so the
/// upload is indexed without a queue message, a listing or a read back from storage.
/// </summary>
public sealed class UploadHandOffTests(AzuriteFixture azurite)
{
    private const string TechTitle = "Ink helps drive democracy in Asia";

    // Listings an hour apart: only the hand-over can bring an upload in while a test runs.
    private static readonly Dictionary<string, string?> HourlyListings = new()
    {
        ["Pipeline:LocalHost:Changes:MinScanInterval"] = "01:00:00",
        ["Pipeline:LocalHost:Changes:MaxScanInterval"] = "01:00:00",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_upload_handed_to_the_running_host_is_searchable_without_a_queue_message_or_listing()
    {
        var tech = TestData.RequireShared("corpora", "bbc", "tech", "001.txt");
        using var scope = new LocalHostScope();
        await using var host = await RunningLocalHost.StartAsync(azurite.ConnectionString, scope, Ct, HourlyListings);
        await host.Host.Services.GetRequiredService<BlobChangeDetector>().FirstListing.WaitAsync(Ct);
        using var http = new HttpClient();
        var handOff = await UploadHandOff.FindAsync(Queue(scope), scope.Containers.Articles, http, Ct);

        var uploaded = await new ArticleUploader(host.Articles).UploadAsync(new UploadItem(tech, "tech.txt"), UploadHandOff.MaxContentBytes, Ct);

        Assert.NotNull(handOff);
        Assert.True(await handOff.TryHandOverAsync(uploaded.Name, uploaded.Content, uploaded.ContentType, uploaded.ETag!, uploaded.LastModified!.Value, Ct));
        await host.WaitForSearchHitAsync("democracy", TechTitle, Ct);
    }

    [Fact]
    public async Task A_hand_over_for_another_container_is_refused()
    {
        using var scope = new LocalHostScope();
        await using var host = await RunningLocalHost.StartAsync(azurite.ConnectionString, scope, Ct, HourlyListings);
        using var http = new HttpClient();
        var address = await Queue(scope).FindHostAsync(Ct);
        Assert.NotNull(address);

        var handOff = new UploadHandOff(http, address, "someone-elses-articles");

        Assert.False(await handOff.TryHandOverAsync("tech.txt", "Ink"u8.ToArray(), "text/plain", "\"0x1\"", DateTimeOffset.UtcNow, Ct));
    }

    [Fact]
    public async Task A_stopped_host_withdraws_its_address_so_uploads_use_the_queue()
    {
        using var scope = new LocalHostScope();
        var host = await RunningLocalHost.StartAsync(azurite.ConnectionString, scope, Ct, HourlyListings);
        Assert.Equal(host.Host.Urls[0].Port, (await Queue(scope).FindHostAsync(Ct))?.Port);

        await host.DisposeAsync();

        Assert.Null(await Queue(scope).FindHostAsync(Ct));
    }

    private UploadQueue Queue(LocalHostScope scope) => UploadQueue.Create(azurite.ConnectionString, scope.Containers.Articles, null);
}
