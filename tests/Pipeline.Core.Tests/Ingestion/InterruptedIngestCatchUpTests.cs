using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion.Reconciliation;
using Pipeline.Core.Ingestion.Sources;
using Pipeline.Testing.Ingestion;

namespace Pipeline.Core.Tests.Ingestion;

/// <summary>After a restart, the blobs an earlier run left unfinished are finished without waiting for the trigger.</summary>
public sealed class InterruptedIngestCatchUpTests : IDisposable
{
    private static readonly DateTimeOffset HostStarted = new(2026, 11, 25, 13, 0, 0, TimeSpan.Zero);

    private readonly RecordingArticleIndex _index = new();
    private readonly IngestServices _services;
    private readonly SourceBlobIngestor _ingestor;
    private readonly InterruptedIngestCatchUp _catchUp;

    public InterruptedIngestCatchUpTests()
    {
        _services = new IngestServices(_index);
        _ingestor = _services.Get<SourceBlobIngestor>();
        _catchUp = _services.Get<InterruptedIngestCatchUp>();
        _services.Sources.Now = HostStarted.AddMinutes(-30);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Indexes_a_blob_whose_json_was_saved_but_never_indexed()
    {
        await UploadAndIngestAsync("killed.txt");
        _index.Articles.Clear();

        var report = await _catchUp.RunAsync(HostStarted, cancellationToken: Ct);

        Assert.Equal((1, 1), (report.Unfinished, report.Ingested));
        Assert.Equal("killed.txt", Assert.Single(_index.Articles.Values).Source.BlobName);
    }

    [Fact]
    public async Task Ingests_a_blob_the_trigger_never_finished()
    {
        _services.Sources.Upload("in-flight.txt", Story("In flight"));

        var report = await _catchUp.RunAsync(HostStarted, cancellationToken: Ct);

        Assert.Equal(1, report.Ingested);
        Assert.Equal("in-flight.txt", Assert.Single(_index.Articles.Values).Source.BlobName);
    }

    [Fact]
    public async Task Indexes_the_new_version_when_the_index_still_holds_the_old_one()
    {
        await UploadAndIngestAsync("edited.txt");
        var current = _services.Sources.Upload("edited.txt", Story("Edited again"));

        await _catchUp.RunAsync(HostStarted, cancellationToken: Ct);

        Assert.Equal(current.ETag, _index.Articles[ArticleId.FromBlobName("edited.txt")].Source.ETag);
        Assert.Equal("Edited again story", _index.Articles[ArticleId.FromBlobName("edited.txt")].Title);
    }

    [Fact]
    public async Task Leaves_indexed_blobs_alone()
    {
        await UploadAndIngestAsync("done.txt");
        var writes = _index.Upserts;

        var report = await _catchUp.RunAsync(HostStarted, cancellationToken: Ct);

        Assert.Equal((1, 0), (report.Checked, report.Unfinished));
        Assert.Equal(writes, _index.Upserts);
    }

    [Fact]
    public async Task Leaves_rejected_versions_alone()
    {
        _services.Sources.Upload("blank.txt", "   ");
        await _ingestor.IngestAsync("blank.txt", Ct);

        var report = await _catchUp.RunAsync(HostStarted, cancellationToken: Ct);

        Assert.Equal(0, report.Unfinished);
        Assert.Equal(1, _services.Rejections.Rejections["blank.txt"].Attempts);
    }

    [Fact]
    public async Task Leaves_blobs_written_after_the_start_to_the_trigger()
    {
        _services.Sources.Now = HostStarted.AddSeconds(5);
        _services.Sources.Upload("new.txt", Story("New"));

        var report = await _catchUp.RunAsync(HostStarted, cancellationToken: Ct);

        Assert.Equal(0, report.Checked);
        Assert.Empty(_index.Articles);
    }

    [Fact]
    public async Task A_later_pass_checks_only_the_blobs_written_since_the_last_one()
    {
        _services.Sources.Upload("before.txt", Story("Before"));
        _services.Sources.Now = HostStarted.AddMinutes(10);
        _services.Sources.Upload("since.txt", Story("Since"));

        var report = await _catchUp.RunAsync(HostStarted.AddMinutes(20), HostStarted, Ct);

        Assert.Equal((1, 1), (report.Checked, report.Ingested));
        Assert.Equal("since.txt", Assert.Single(_index.Articles.Values).Source.BlobName);
    }

    [Fact]
    public async Task Finishes_a_multi_part_blob_interrupted_before_its_first_part()
    {
        _services.Sources.Upload("feed.json", """[{"title": "One story", "body": "One body."}, {"title": "Two story", "body": "Two body."}]""");
        await _ingestor.IngestAsync("feed.json", Ct);
        _index.Articles.TryRemove(ArticleId.FromBlobName("feed.json", 0), out _);

        var report = await _catchUp.RunAsync(HostStarted, cancellationToken: Ct);

        Assert.Equal(1, report.Ingested);
        Assert.Equal(2, _index.Articles.Count);
    }

    private async Task UploadAndIngestAsync(string name)
    {
        _services.Sources.Upload(name, Story(name));
        await _ingestor.IngestAsync(name, Ct);
    }

    private static string Story(string title) => $"{title} story\n\nThe {title} story happened on Tuesday and was reported the same day.";
}
