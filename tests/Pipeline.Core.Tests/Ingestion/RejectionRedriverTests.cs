using Pipeline.Core.Ingestion;
using Pipeline.Core.Ingestion.Redrive;
using Pipeline.Core.Ingestion.Sources;
using Pipeline.Testing.Ingestion;

namespace Pipeline.Core.Tests.Ingestion;

/// <summary>Re-drive after a fix: straight from storage, records cleared when they succeed, counted when they fail again.</summary>
public sealed class RejectionRedriverTests : IDisposable
{
    private const string Story = "Storm closes the harbour\n\nThe harbour closed on Tuesday as the storm came in from the west.";

    private readonly RecordingArticleIndex _index = new();
    private readonly IngestServices _services;
    private readonly SourceBlobIngestor _ingestor;
    private readonly RejectionRedriver _redriver;

    public RejectionRedriverTests()
    {
        _services = new IngestServices(_index, options => options.MaxBlobBytes = 16);
        _ingestor = _services.Get<SourceBlobIngestor>();
        _redriver = _services.Get<RejectionRedriver>();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task A_dry_run_lists_the_selected_records_and_changes_nothing()
    {
        await RejectAsync();
        var seen = new List<RedriveItem>();

        var report = await _redriver.RedriveAsync(RedriveRequest.All(dryRun: true), new SynchronousProgress<RedriveItem>(seen.Add), Ct);

        Assert.Equal((2, 0, true), (report.Selected, report.Resolved, report.DryRun));
        Assert.Equal(["blank.txt", "storm.txt"], seen.Select(i => i.Rejection.BlobName).Order());
        Assert.Equal(2, _services.Rejections.Rejections.Count);
        Assert.Empty(_index.Articles);
    }

    [Fact]
    public async Task Selects_records_by_reason_code_ignoring_case()
    {
        await RejectAsync();

        var report = await _redriver.RedriveAsync(RedriveRequest.WithReason("toolarge"), cancellationToken: Ct);

        Assert.Equal(1, report.Selected);
        Assert.True(_services.Rejections.Rejections.ContainsKey("blank.txt"));
    }

    [Fact]
    public async Task Blobs_that_ingest_now_are_indexed_and_their_records_cleared()
    {
        await RejectAsync();

        // The fix: blank.txt now holds an article (written without the trigger, which would have ingested it itself).
        _services.Sources.Upload("blank.txt", "Calm\n\nNo storm.");

        var report = await _redriver.RedriveAsync(RedriveRequest.WithReason("Empty"), cancellationToken: Ct);

        Assert.Equal((1, 1, 0), (report.Selected, report.Resolved, report.StillFailing));
        Assert.Equal("blank.txt", Assert.Single(_index.Articles.Values).Source.BlobName);
        Assert.False(_services.Rejections.Rejections.ContainsKey("blank.txt"));
        Assert.True(_services.Rejections.Rejections.ContainsKey("storm.txt"));
    }

    [Fact]
    public async Task Blobs_that_fail_again_keep_their_record_with_one_more_attempt()
    {
        await RejectAsync();

        var report = await _redriver.RedriveAsync(RedriveRequest.All(), cancellationToken: Ct);

        Assert.Equal((2, 0, 2), (report.Selected, report.Resolved, report.StillFailing));
        Assert.All(_services.Rejections.Rejections.Values, r => Assert.Equal(2, r.Attempts));
    }

    /// <summary>One blob over the 16-byte size limit, one that is too short to be over it but has no text.</summary>
    private async Task RejectAsync()
    {
        _services.Sources.Upload("storm.txt", Story);
        _services.Sources.Upload("blank.txt", "  ");
        Assert.True((await _ingestor.IngestAsync("storm.txt", Ct)).IsRejected);
        Assert.True((await _ingestor.IngestAsync("blank.txt", Ct)).IsRejected);
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
