using Lucene.Net.Store;
using Microsoft.Extensions.Options;
using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ingestion.Reconciliation;
using Pipeline.Core.Ingestion.Resilience;
using Pipeline.Core.Ingestion.Sources;
using Pipeline.Testing.Ingestion;

namespace Pipeline.Search.Lucene.Tests.Faults;

/// <summary>
/// Ingest into the real index while its disk is full: the blob is recorded as unavailable and tried again, not lost,
/// and not parked for good: once there is room, the next delivery or the next reconcile pass indexes it.
/// </summary>
public sealed class DiskFullIngestTests : IDisposable
{
    private readonly TemporaryIndexFolder _folder = new();
    private readonly LuceneArticleIndex _index;
    private readonly IngestServices _services;
    private FaultInjectingDirectory? _disk;

    public DiskFullIngestTests()
    {
        var options = new LuceneIndexOptions { IndexPath = _folder.Path, RefreshInterval = TimeSpan.Zero };
        _index = new LuceneArticleIndex(Options.Create(options), logger: null, path => _disk = new FaultInjectingDirectory(FSDirectory.Open(path)));
        _services = new IngestServices(_index, options => options.MaxAttempts = 2);

        // Old enough for reconcile to take the blobs up itself.
        _services.Sources.Now = DateTimeOffset.UtcNow.AddHours(-1);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private FaultInjectingDirectory Disk => _disk!;

    public void Dispose()
    {
        _services.Dispose();
        _index.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_blob_that_met_a_full_disk_is_indexed_when_delivered_again_after_space_is_freed()
    {
        _services.Sources.Upload("harbour.txt", Story("Harbour wall approved"));
        var ingestor = _services.Get<SourceBlobIngestor>();

        Disk.Fault = DiskFault.Full;
        await Assert.ThrowsAsync<TransientIngestException>(() => ingestor.IngestAsync("harbour.txt", Ct));
        Assert.Equal(RejectionReasons.Unavailable, _services.Rejections.Rejections["harbour.txt"].Reason);

        Disk.Fault = DiskFault.None;
        var result = await ingestor.IngestAsync("harbour.txt", Ct);

        Assert.Equal(IngestOutcome.Indexed, result.Outcome);
        Assert.NotNull(await _index.GetAsync(ArticleId.FromBlobName("harbour.txt"), Ct));
        Assert.Empty(_services.Rejections.Rejections);
    }

    [Fact]
    public async Task A_blob_parked_while_the_disk_was_full_is_indexed_by_the_next_reconcile_once_there_is_room()
    {
        _services.Sources.Upload("ferry.txt", Story("Ferry timetable changes"));
        var ingestor = _services.Get<SourceBlobIngestor>();
        Disk.Fault = DiskFault.Full;
        await Assert.ThrowsAsync<TransientIngestException>(() => ingestor.IngestAsync("ferry.txt", Ct));
        Assert.Equal(IngestOutcome.Parked, (await ingestor.IngestAsync("ferry.txt", Ct)).Outcome);

        Disk.Fault = DiskFault.None;
        var report = await _services.Get<ArticleReconciler>().ReconcileAsync(Ct);

        Assert.Equal((1, 1), (report.Redriven, report.RedriveResolved));
        Assert.NotNull(await _index.GetAsync(ArticleId.FromBlobName("ferry.txt"), Ct));
        Assert.Empty(_services.Rejections.Rejections);
    }

    private static string Story(string title) =>
        $"{title}\n\nThe council said the work would finish before the summer, and traders welcomed the news.";
}
