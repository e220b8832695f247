using System.Text;
using Pipeline.Core.Normalization;
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

    [Fact]
    public async Task A_blob_handed_over_with_its_content_is_taken_with_it()
    {
        var queue = new IngestQueue();
        var upload = Upload("a.txt", "Storm closes the harbour");

        queue.Enqueue(upload);

        Assert.Equal(new QueuedBlob("a.txt", upload.Content.Length, upload), await queue.TakeAsync(Ct));
    }

    [Fact]
    public async Task A_listing_that_sees_a_handed_over_blob_again_keeps_its_content()
    {
        var queue = new IngestQueue();
        var upload = Upload("a.txt", "Storm closes the harbour");
        queue.Enqueue(upload);

        queue.Enqueue("a.txt", 999);

        // The worker checks the content against the blob after indexing it, so a newer version is still read then.
        Assert.Same(upload, (await queue.TakeAsync(Ct)).Content);
    }

    [Fact]
    public async Task Content_beyond_what_the_queue_holds_is_dropped_and_the_blob_read_instead()
    {
        var queue = new IngestQueue { MaxHeldContentBytes = 40 };
        queue.Enqueue(Upload("a.txt", new string('a', 30)));
        queue.Enqueue(Upload("b.txt", new string('b', 30)));

        Assert.NotNull((await queue.TakeAsync(Ct)).Content);
        Assert.Equal(new QueuedBlob("b.txt", 30), await queue.TakeAsync(Ct));

        // Taken content no longer counts against the limit.
        queue.Enqueue(Upload("c.txt", new string('c', 30)));
        Assert.NotNull((await queue.TakeAsync(Ct)).Content);
    }

    private static SourceDocument Upload(string name, string text) =>
        new(name, Encoding.UTF8.GetBytes(text), "text/plain", "\"0x1\"", new DateTimeOffset(2026, 12, 6, 3, 0, 0, TimeSpan.Zero));
}
