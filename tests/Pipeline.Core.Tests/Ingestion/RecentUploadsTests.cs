using Pipeline.Core.Ingestion.Sources;
using Pipeline.Core.Ingestion.Status;
using Pipeline.Testing.Ingestion;

namespace Pipeline.Core.Tests.Ingestion;

/// <summary>The uploads view reads each upload's outcome from what storage and the index hold.</summary>
public sealed class RecentUploadsTests : IDisposable
{
    private readonly RecordingArticleIndex _index = new();
    private readonly IngestServices _services;
    private readonly SourceBlobIngestor _ingestor;
    private readonly RecentUploads _recent;

    public RecentUploadsTests()
    {
        _services = new IngestServices(_index);
        _ingestor = _services.Get<SourceBlobIngestor>();
        _recent = _services.Get<RecentUploads>();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Lists_the_newest_uploads_first_and_no_more_than_asked()
    {
        foreach (var name in new[] { "first.txt", "second.txt", "third.txt" })
        {
            _services.Sources.Upload(name, Story(name));
        }

        var uploads = await _recent.ListAsync(2, Ct);

        Assert.Equal(["third.txt", "second.txt"], uploads.Select(u => u.BlobName));
    }

    [Fact]
    public async Task An_ingested_upload_is_indexed_with_its_article()
    {
        _services.Sources.Upload("story.txt", Story("Harbour reopens"));
        await _ingestor.IngestAsync("story.txt", Ct);

        var upload = Assert.Single(await _recent.ListAsync(10, Ct));

        Assert.Equal(UploadOutcome.Indexed, upload.Outcome);
        Assert.Equal("Harbour reopens story", upload.Title);
        Assert.Equal(Core.Articles.ArticleId.FromBlobName("story.txt"), upload.ArticleId);
    }

    [Fact]
    public async Task A_rejected_upload_carries_the_reason_and_message_of_its_record()
    {
        _services.Sources.Upload("empty.txt", "");
        await _ingestor.IngestAsync("empty.txt", Ct);

        var upload = Assert.Single(await _recent.ListAsync(10, Ct));

        Assert.Equal(UploadOutcome.Rejected, upload.Outcome);
        Assert.Equal("empty", upload.Reason);
        Assert.False(string.IsNullOrWhiteSpace(upload.Message));
        Assert.Equal(1, upload.Attempts);
    }

    [Fact]
    public async Task An_upload_not_ingested_yet_is_pending()
    {
        _services.Sources.Upload("waiting.txt", Story("Waiting"));

        var upload = Assert.Single(await _recent.ListAsync(10, Ct));

        Assert.Equal(UploadOutcome.Pending, upload.Outcome);
        Assert.Null(upload.ArticleId);
    }

    [Fact]
    public async Task A_re_upload_with_the_same_content_is_indexed_and_says_the_article_is_from_an_earlier_upload()
    {
        _services.Sources.Upload("again.txt", Story("Again"));
        await _ingestor.IngestAsync("again.txt", Ct);
        _services.Sources.Upload("again.txt", Story("Again"));
        await _ingestor.IngestAsync("again.txt", Ct);

        var upload = Assert.Single(await _recent.ListAsync(10, Ct));

        Assert.Equal(UploadOutcome.Indexed, upload.Outcome);
        Assert.Contains("earlier upload", upload.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_whose_earlier_version_was_rejected_is_pending_until_ingested()
    {
        _services.Sources.Upload("fixed.txt", "");
        await _ingestor.IngestAsync("fixed.txt", Ct);
        _services.Sources.Upload("fixed.txt", Story("Fixed"));

        var upload = Assert.Single(await _recent.ListAsync(10, Ct));

        Assert.Equal(UploadOutcome.Pending, upload.Outcome);
        Assert.Contains("earlier version was rejected (empty)", upload.Message, StringComparison.Ordinal);
    }

    private static string Story(string title) => $"{title} story\n\nThe {title} story happened on Tuesday and was reported the same day.";
}
