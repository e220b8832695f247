using Pipeline.Core.Ingestion;
using Pipeline.Core.Ingestion.Reconciliation;
using Pipeline.Core.Ingestion.Resilience;
using Pipeline.Core.Ingestion.Sources;
using Pipeline.Testing.Ingestion;

namespace Pipeline.Core.Tests.Ingestion;

/// <summary>What triggers cannot see: deleted blobs, blobs parked while search was down, blobs a trigger lost.</summary>
public sealed class ArticleReconcilerTests : IDisposable
{
    private readonly RecordingArticleIndex _index = new();
    private readonly IngestServices _services;
    private readonly SourceBlobIngestor _ingestor;
    private readonly ArticleReconciler _reconciler;

    public ArticleReconcilerTests()
    {
        _services = new IngestServices(_index, options =>
        {
            options.MaxAttempts = 2;
            options.ReconcileGracePeriod = TimeSpan.FromMinutes(10);
        });
        _ingestor = _services.Get<SourceBlobIngestor>();
        _reconciler = _services.Get<ArticleReconciler>();

        // Uploads in these tests are an hour old unless a test says otherwise, so the grace period is behind them.
        _services.Sources.Now = DateTimeOffset.UtcNow.AddHours(-1);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Removes_the_articles_and_json_of_deleted_blobs_and_keeps_the_rest()
    {
        await UploadAndIngestAsync("kept.txt");
        await UploadAndIngestAsync("deleted.txt");
        _services.Sources.Delete("deleted.txt");

        var report = await _reconciler.ReconcileAsync(Ct);

        Assert.Equal(1, report.RemovedArticles);
        Assert.Equal("kept.txt", Assert.Single(_index.Articles.Values).Source.BlobName);
        Assert.Equal("kept.txt", Assert.Single(_services.Store.Articles.Values).Source.BlobName);
    }

    [Fact]
    public async Task Clears_rejections_whose_blob_is_gone()
    {
        _services.Sources.Upload("blank.txt", "   ");
        await _ingestor.IngestAsync("blank.txt", Ct);
        _services.Sources.Delete("blank.txt");

        var report = await _reconciler.ReconcileAsync(Ct);

        Assert.Equal(1, report.ClearedRejections);
        Assert.Empty(_services.Rejections.Rejections);
    }

    [Fact]
    public async Task Leaves_parked_blobs_waiting_while_search_is_down()
    {
        await ParkAsync("storm.txt");

        var report = await _reconciler.ReconcileAsync(Ct);

        Assert.False(report.IndexAvailable);
        Assert.Equal(0, report.Redriven);
        Assert.Equal(RejectionReasons.Parked, _services.Rejections.Rejections["storm.txt"].Reason);
    }

    [Fact]
    public async Task Indexes_parked_blobs_once_search_answers_again()
    {
        await ParkAsync("storm.txt");
        _services.Index.IsDown = false;

        var report = await _reconciler.ReconcileAsync(Ct);

        Assert.Equal((1, 1), (report.Redriven, report.RedriveResolved));
        Assert.Equal("storm.txt", Assert.Single(_index.Articles.Values).Source.BlobName);
        Assert.Empty(_services.Rejections.Rejections);
    }

    [Fact]
    public async Task Leaves_rejected_blobs_to_a_redrive_after_a_fix()
    {
        _services.Sources.Upload("blank.txt", "   ");
        await _ingestor.IngestAsync("blank.txt", Ct);

        var report = await _reconciler.ReconcileAsync(Ct);

        Assert.Equal(0, report.Redriven);
        Assert.Equal(1, _services.Rejections.Rejections["blank.txt"].Attempts);
    }

    [Fact]
    public async Task Ingests_an_old_blob_that_has_neither_article_nor_record()
    {
        _services.Sources.Upload("lost.txt", Story("Lost"));

        var report = await _reconciler.ReconcileAsync(Ct);

        Assert.Equal(1, report.IngestedMissing);
        Assert.Equal("lost.txt", Assert.Single(_index.Articles.Values).Source.BlobName);
    }

    [Fact]
    public async Task Leaves_a_fresh_upload_to_the_trigger()
    {
        _services.Sources.Now = DateTimeOffset.UtcNow;
        _services.Sources.Upload("fresh.txt", Story("Fresh"));

        var report = await _reconciler.ReconcileAsync(Ct);

        Assert.Equal(0, report.IngestedMissing);
        Assert.Empty(_index.Articles);
    }

    private async Task UploadAndIngestAsync(string name)
    {
        _services.Sources.Upload(name, Story(name));
        await _ingestor.IngestAsync(name, Ct);
    }

    private async Task ParkAsync(string name)
    {
        _services.Sources.Upload(name, Story(name));
        _services.Index.IsDown = true;
        await Assert.ThrowsAsync<TransientIngestException>(() => _ingestor.IngestAsync(name, Ct));
        Assert.Equal(IngestOutcome.Parked, (await _ingestor.IngestAsync(name, Ct)).Outcome);
    }

    private static string Story(string title) => $"{title} story\n\nThe {title} story happened on Tuesday and was reported the same day.";
}
