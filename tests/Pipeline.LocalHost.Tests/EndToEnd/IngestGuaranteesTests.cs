using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Search;
using Pipeline.Core.Serialization;
using Pipeline.LocalHost.Hosting;
using Pipeline.LocalHost.Tests.Support;
using Pipeline.LocalHost.Upload;
using Pipeline.Search.Lucene;
using Pipeline.Testing;
using Pipeline.Testing.Ingestion;

namespace Pipeline.LocalHost.Tests.EndToEnd;

/// <summary>
/// Drills of the ingest guarantees on the real local host (change detector, Lucene, Azurite): deletes, search down
/// during ingest, blobs the trigger gave up on. Reconcile runs every second here instead of every five minutes.
/// </summary>
public sealed class IngestGuaranteesTests(AzuriteFixture azurite)
{
    private const string TechTitle = "Ink helps drive democracy in Asia";
    private const string BusinessTitle = "Ad sales boost Time Warner profit";

    private static readonly Dictionary<string, string?> FastReconcile = new()
    {
        ["Pipeline:Ingest:ReconcileInterval"] = "00:00:01",
        ["Pipeline:Ingest:ReconcileIntervalPerBlob"] = "00:00:00",
        ["Pipeline:Ingest:InitialRetryDelay"] = "00:00:00.010",
        ["Pipeline:Ingest:MaxRetryDelay"] = "00:00:00.050",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_deleted_blob_leaves_the_index_and_the_normalized_store()
    {
        var tech = TestData.RequireShared("corpora", "bbc", "tech", "001.txt");
        var business = TestData.RequireShared("corpora", "bbc", "business", "001.txt");
        using var scope = new LocalHostScope();
        await using var host = await RunningLocalHost.StartAsync(azurite.ConnectionString, scope, Ct, FastReconcile);
        await host.UploadAsync(Ct, new UploadItem(tech, "tech.txt"), new UploadItem(business, "business.txt"));
        var deleted = await host.WaitForSearchHitAsync("democracy", TechTitle, Ct);
        await host.WaitForSearchHitAsync("Warner", BusinessTitle, Ct);

        await host.Articles.DeleteBlobAsync("tech.txt", cancellationToken: Ct);

        // The index goes first, then the normalized JSON, so that nothing searchable is ever missing its JSON.
        await host.WaitForAsync(
            async ct => (await host.SearchAsync("democracy", ct)).Value.Count == 0
                && !await host.Normalized.GetBlobClient($"{deleted.Id}.json").ExistsAsync(ct) ? "gone" : null,
            () => "the deleted blob's article to leave the index and the normalized container",
            Ct);
        Assert.Equal(BusinessTitle, Assert.Single((await host.SearchAsync("*", Ct)).Value).Title);
    }

    [Fact]
    public async Task While_search_is_down_blobs_wait_and_are_indexed_when_it_returns()
    {
        var tech = TestData.RequireShared("corpora", "bbc", "tech", "001.txt");
        var business = TestData.RequireShared("corpora", "bbc", "business", "001.txt");
        using var scope = new LocalHostScope();
        SwitchableArticleIndex? index = null;
        await using var host = await RunningLocalHost.StartAsync(
            azurite.ConnectionString, scope, Ct, FastReconcile, services =>
            {
                services.AddSingleton<LuceneArticleIndex>();
                services.AddSingleton<IArticleIndex>(sp => index = new SwitchableArticleIndex(sp.GetRequiredService<LuceneArticleIndex>()) { IsDown = true });
            });
        _ = host.Host.Services.GetRequiredService<IArticleIndex>();

        await host.UploadAsync(Ct, new UploadItem(tech, "tech.txt"), new UploadItem(business, "business.txt"));

        // The trigger tries each blob until the ingestor parks it; neither is lost, neither blocks the other.
        foreach (var name in new[] { "tech.txt", "business.txt" })
        {
            await host.WaitForAsync(
                async ct => await ReadRecordAsync(host, name, ct) is { Reason: RejectionReasons.Parked } record ? record : null,
                () => $"'{name}' to be parked while search is down",
                Ct);
        }

        index!.IsDown = false;

        await host.WaitForSearchHitAsync("democracy", TechTitle, Ct);
        await host.WaitForSearchHitAsync("Warner", BusinessTitle, Ct);
        await host.WaitForAsync(
            async ct => await ReadRecordAsync(host, "tech.txt", ct) is null && await ReadRecordAsync(host, "business.txt", ct) is null ? "cleared" : null,
            () => "the parked records to be cleared",
            Ct);
    }

    [Fact]
    public async Task A_blob_in_the_trigger_poison_queue_is_parked_and_then_re_driven()
    {
        var tech = TestData.RequireShared("corpora", "bbc", "tech", "001.txt");
        using var scope = new LocalHostScope();
        await using var host = await RunningLocalHost.StartAsync(azurite.ConnectionString, scope, Ct, FastReconcile);
        await host.UploadAsync(Ct, new UploadItem(tech, "tech.txt"));
        await host.WaitForSearchHitAsync("democracy", TechTitle, Ct);
        var etag = (await host.Articles.GetBlobClient("tech.txt").GetPropertiesAsync(cancellationToken: Ct)).Value.ETag.ToString();

        // What the SDK writes after the last failed try of a blob (base64 of its JSON).
        var poison = new QueueClient(azurite.ConnectionString, BlobTriggerPoisonQueue.QueueName);
        await poison.CreateIfNotExistsAsync(cancellationToken: Ct);
        var message = JsonSerializer.Serialize(new
        {
            Type = "BlobTrigger",
            FunctionId = "Pipeline.LocalHost.Hosting.ArticleBlobTrigger.RunAsync",
            BlobType = "BlockBlob",
            ContainerName = scope.Containers.Articles,
            BlobName = "tech.txt",
            ETag = etag,
        });
        await poison.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(message)), Ct);

        await host.WaitForAsync(
            _ => Task.FromResult(host.Logs.Entries.FirstOrDefault(e => e.Message.StartsWith("Parked 1 blob(s) from the blob trigger's poison queue", StringComparison.Ordinal))),
            () => "the poisoned blob to be parked",
            Ct);
        Assert.Contains(host.Logs.Entries, e => e.Message.StartsWith("Parked tech.txt", StringComparison.Ordinal));

        // The index answers, so the next pass re-drives it (unchanged, so nothing is rewritten) and clears the record.
        await host.WaitForAsync(
            async ct => await ReadRecordAsync(host, "tech.txt", ct) is null ? "cleared" : null,
            () => "the parked record to be cleared by a re-drive",
            Ct);
        Assert.Equal(TechTitle, Assert.Single((await host.SearchAsync("democracy", Ct)).Value).Title);
    }

    [Fact]
    public async Task A_poison_message_for_another_container_is_shown_again_for_its_host()
    {
        using var scope = new LocalHostScope();
        await using var host = await RunningLocalHost.StartAsync(azurite.ConnectionString, scope, Ct, FastReconcile);
        var otherContainer = "other-" + Guid.NewGuid().ToString("N")[..12];
        var poison = new QueueClient(azurite.ConnectionString, BlobTriggerPoisonQueue.QueueName);
        await poison.CreateIfNotExistsAsync(cancellationToken: Ct);
        var message = JsonSerializer.Serialize(new { Type = "BlobTrigger", BlobType = "BlockBlob", ContainerName = otherContainer, BlobName = "story.txt", ETag = "\"0x1\"" });
        var sent = await poison.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(message)), Ct);

        // Two reconcile passes after the message was sent: each one read it and had to show it again.
        var passesBefore = host.Logs.Entries.Count(entry => entry.Message.StartsWith("Reconcile: ", StringComparison.Ordinal) && entry.Message.Contains("source blob", StringComparison.Ordinal));
        await host.WaitForAsync(
            _ => Task.FromResult(host.Logs.Entries.Count(entry => entry.Message.StartsWith("Reconcile: ", StringComparison.Ordinal) && entry.Message.Contains("source blob", StringComparison.Ordinal)) >= passesBefore + 2 ? "passed" : null),
            () => "two reconcile passes",
            Ct);

        // A pass hides it while it pages through the queue, a few milliseconds; left hidden, it would stay so for 30 s.
        var visible = false;
        for (var look = 0; look < 50 && !visible; look++)
        {
            visible = (await poison.PeekMessagesAsync(32, Ct)).Value.Any(peeked => peeked.MessageId == sent.Value.MessageId);
            await Task.Delay(visible ? 0 : 100, Ct);
        }

        Assert.True(visible, "the other container's poison message stayed hidden after the passes");
    }

    private static async Task<Rejection?> ReadRecordAsync(RunningLocalHost host, string blobName, CancellationToken cancellationToken)
    {
        var blob = host.Rejected.GetBlobClient($"{blobName}.json");
        if (!await blob.ExistsAsync(cancellationToken))
        {
            return null;
        }

        try
        {
            return (await blob.DownloadContentAsync(cancellationToken)).Value.Content.ToObjectFromJson<Rejection>(PipelineJson.Options);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
