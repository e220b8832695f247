using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ingestion.Sources;
using Pipeline.Core.Normalization;
using Pipeline.Testing.Ingestion;

namespace Pipeline.Core.Tests.Ingestion;

/// <summary>Ingest by blob name: limits before download, blobs that are gone, and content handed over with an upload.</summary>
public sealed class SourceBlobIngestorTests : IDisposable
{
    private const string Story = "Storm closes the harbour\n\nThe harbour closed on Tuesday as the storm came in from the west.";

    private readonly RecordingArticleIndex _index = new();
    private readonly IngestServices _services;
    private readonly SourceBlobIngestor _ingestor;

    public SourceBlobIngestorTests()
    {
        _services = new IngestServices(_index, options => options.MaxBlobBytes = 1024);
        _ingestor = _services.Get<SourceBlobIngestor>();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task A_blob_over_the_size_limit_is_rejected_without_being_downloaded()
    {
        var upload = _services.Sources.Upload("huge.txt", new string('x', 2048));

        var result = await _ingestor.IngestAsync("huge.txt", Ct);

        Assert.Equal(NormalizationErrorCode.TooLarge, result.RejectedFor);
        Assert.Equal(0, _services.Sources.Downloads);
        var record = _services.Rejections.Rejections["huge.txt"];
        Assert.Equal(("tooLarge", upload.ETag), (record.Reason, record.ETag));
        Assert.Contains("MaxBlobBytes", record.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingests_the_current_version_with_its_last_modified_time()
    {
        var upload = _services.Sources.Upload("storm.txt", Story);

        var result = await _ingestor.IngestAsync("storm.txt", Ct);

        var origin = _index.Articles[Assert.Single(result.ArticleIds)].Source;
        Assert.Equal(new ArticleOrigin("storm.txt", upload.ETag, null, upload.LastModified), origin);
    }

    [Fact]
    public async Task A_blob_deleted_before_its_turn_has_its_articles_removed()
    {
        _services.Sources.Upload("storm.txt", Story);
        await _ingestor.IngestAsync("storm.txt", Ct);
        _services.Sources.Delete("storm.txt");

        var result = await _ingestor.IngestAsync("storm.txt", Ct);

        Assert.Equal(IngestOutcome.Gone, result.Outcome);
        Assert.Empty(_index.Articles);
        Assert.Empty(_services.Store.Articles);
    }

    [Fact]
    public async Task A_delete_notice_for_a_blob_uploaded_again_since_keeps_its_articles()
    {
        _services.Sources.Upload("storm.txt", Story);
        await _ingestor.IngestAsync("storm.txt", Ct);

        var removed = await _ingestor.RemoveIfGoneAsync("storm.txt", Ct);

        Assert.Empty(removed);
        Assert.Single(_index.Articles);
    }

    [Fact]
    public async Task A_delete_notice_removes_the_articles_of_a_blob_that_is_gone()
    {
        _services.Sources.Upload("storm.txt", Story);
        await _ingestor.IngestAsync("storm.txt", Ct);
        _services.Sources.Delete("storm.txt");

        var removed = await _ingestor.RemoveIfGoneAsync("storm.txt", Ct);

        Assert.Equal([ArticleId.FromBlobName("storm.txt")], removed);
        Assert.Empty(_index.Articles);
        Assert.Empty(_services.Store.Articles);
    }

    [Fact]
    public async Task A_handed_over_upload_is_indexed_from_its_content_without_a_download()
    {
        var upload = _services.Sources.Upload("storm.txt", Story);

        var result = await _ingestor.IngestAnnouncedAsync(upload, Ct);

        Assert.Equal(IngestOutcome.Indexed, result.Outcome);
        Assert.Equal(0, _services.Sources.Downloads);
        Assert.Equal(upload.ETag, _index.Articles[Assert.Single(result.ArticleIds)].Source.ETag);
    }

    [Fact]
    public async Task A_handed_over_version_overwritten_since_is_replaced_by_the_blob()
    {
        var first = _services.Sources.Upload("storm.txt", Story);
        var second = _services.Sources.Upload("storm.txt", "Harbour reopens\n\nThe harbour reopened on Friday once the storm had passed.");

        var result = await _ingestor.IngestAnnouncedAsync(first, Ct);

        var article = _index.Articles[Assert.Single(result.ArticleIds)];
        Assert.Equal((second.ETag, "Harbour reopens"), (article.Source.ETag, article.Title));
    }

    [Fact]
    public async Task Handed_over_content_that_differs_from_the_blob_is_replaced_by_the_blob()
    {
        var upload = _services.Sources.Upload("storm.txt", Story);
        var forged = upload with { Content = "Forged headline\n\nThis text was never uploaded to the container at all."u8.ToArray() };

        var result = await _ingestor.IngestAnnouncedAsync(forged, Ct);

        Assert.Equal("Storm closes the harbour", _index.Articles[Assert.Single(result.ArticleIds)].Title);
        Assert.Equal(1, _services.Sources.Downloads);
    }

    [Fact]
    public async Task A_handed_over_blob_deleted_since_leaves_nothing_searchable()
    {
        var upload = _services.Sources.Upload("storm.txt", Story);
        _services.Sources.Delete("storm.txt");

        var result = await _ingestor.IngestAnnouncedAsync(upload, Ct);

        Assert.Equal(IngestOutcome.Gone, result.Outcome);
        Assert.Empty(_index.Articles);
        Assert.Empty(_services.Store.Articles);
    }
}
