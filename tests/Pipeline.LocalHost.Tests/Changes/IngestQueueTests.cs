using Pipeline.LocalHost.Changes;

namespace Pipeline.LocalHost.Tests.Changes;

/// <summary>The blobs waiting for an ingest worker: each at most once, and never lost while one is being ingested.</summary>
public sealed class IngestQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_blob_queued_twice_before_a_worker_takes_it_is_ingested_once()
    {
        var queue = new IngestQueue();

        Assert.True(queue.Enqueue("a.txt"));
        Assert.False(queue.Enqueue("a.txt"));
        Assert.True(queue.Enqueue("b.txt"));

        Assert.Equal("a.txt", (await queue.TakeAsync(Ct)).Name);
        Assert.Equal("b.txt", (await queue.TakeAsync(Ct)).Name);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task A_blob_queued_while_a_worker_has_it_is_queued_again()
    {
        var queue = new IngestQueue();
        queue.Enqueue("a.txt");
        var taken = await queue.TakeAsync(Ct);

        // A new version written while the worker reads the old one must be ingested after it.
        Assert.True(queue.Enqueue(taken.Name));
        Assert.Equal("a.txt", (await queue.TakeAsync(Ct)).Name);
    }

    [Fact]
    public async Task A_blob_queued_again_keeps_the_latest_size_seen()
    {
        var queue = new IngestQueue();
        queue.Enqueue("a.txt", 100);
        queue.Enqueue("a.txt", 250);
        queue.Enqueue("a.txt");

        Assert.Equal(new QueuedBlob("a.txt", 250), await queue.TakeAsync(Ct));
    }
}
