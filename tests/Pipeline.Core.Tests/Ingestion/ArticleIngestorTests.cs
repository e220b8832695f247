using System.Text;
using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Normalization;
using Pipeline.Testing;
using Pipeline.Testing.Ingestion;
using Pipeline.Testing.InMemory;

namespace Pipeline.Core.Tests.Ingestion;

/// <summary>The ingest path every host runs, with the production normalizer and enricher and in-memory stores.</summary>
public sealed class ArticleIngestorTests : IDisposable
{
    private readonly RecordingArticleIndex _index = new();
    private readonly IngestServices _services;
    private readonly ArticleIngestor _ingestor;

    public ArticleIngestorTests()
    {
        _services = new IngestServices(_index, options => options.MaxTextLength = 20_000);
        _ingestor = _services.Get<ArticleIngestor>();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private InMemoryArticleStore Store => _services.Store;

    private InMemoryRejectionStore Rejections => _services.Rejections;

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Stores_and_indexes_the_seed_under_an_id_from_its_blob_name()
    {
        var result = await _ingestor.IngestAsync(Seed("etag-1"), Ct);

        var id = Assert.Single(result.ArticleIds);
        Assert.Equal(IngestOutcome.Indexed, result.Outcome);
        Assert.StartsWith("ukraine-peace-talks-", id, StringComparison.Ordinal);
        Assert.Equal("Ukraine Seeks New Peace Talks With Russia Amid Ongoing Violence", _index.Articles[id].Title);
        Assert.Equal(_index.Articles[id], Store.Articles[id]);
        Assert.Equal("etag-1", _index.Articles[id].Source.ETag);
    }

    [Fact]
    public async Task Records_an_empty_blob_as_rejected_and_writes_no_article()
    {
        var result = await _ingestor.IngestAsync(new SourceDocument("empty.txt", Array.Empty<byte>(), ETag: "etag-e"), Ct);

        Assert.Equal(NormalizationErrorCode.Empty, result.RejectedFor);
        var rejection = Rejections.Rejections["empty.txt"];
        Assert.Equal("empty", rejection.Reason);
        Assert.Equal("etag-e", rejection.ETag);
        Assert.Equal(1, rejection.Attempts);
        Assert.False(rejection.IsTransient);
        Assert.Empty(_index.Articles);
        Assert.Empty(Store.Articles);
    }

    [Fact]
    public async Task Each_failed_try_of_one_version_counts_in_its_rejection()
    {
        var empty = new SourceDocument("empty.txt", Array.Empty<byte>(), ETag: "etag-e");
        await _ingestor.IngestAsync(empty, Ct);
        var first = Rejections.Rejections["empty.txt"];

        await _ingestor.IngestAsync(empty, Ct);
        await _ingestor.IngestAsync(empty, Ct);

        var third = Rejections.Rejections["empty.txt"];
        Assert.Equal(3, third.Attempts);
        Assert.Equal(first.FirstAttemptAt, third.FirstAttemptAt);
        Assert.True(third.LastAttemptAt >= first.LastAttemptAt);
    }

    [Fact]
    public async Task A_new_version_that_fails_starts_counting_again()
    {
        await _ingestor.IngestAsync(new SourceDocument("empty.txt", Array.Empty<byte>(), ETag: "etag-1"), Ct);
        await _ingestor.IngestAsync(new SourceDocument("empty.txt", Array.Empty<byte>(), ETag: "etag-1"), Ct);

        await _ingestor.IngestAsync(new SourceDocument("empty.txt", "   "u8.ToArray(), ETag: "etag-2"), Ct);

        var rejection = Rejections.Rejections["empty.txt"];
        Assert.Equal(("etag-2", 1), (rejection.ETag, rejection.Attempts));
    }

    [Fact]
    public async Task Article_text_over_the_limit_is_a_rejection_as_too_large()
    {
        var text = "A very long article\n\n" + string.Join("\n\n", Enumerable.Repeat("This sentence repeats until the body is far too long.", 500));

        var result = await _ingestor.IngestAsync(new SourceDocument("long.txt", Encoding.UTF8.GetBytes(text), ETag: "etag-l"), Ct);

        Assert.Equal(NormalizationErrorCode.TooLarge, result.RejectedFor);
        Assert.Contains("MaxTextLength", Rejections.Rejections["long.txt"].Message, StringComparison.Ordinal);
        Assert.Empty(_index.Articles);
    }

    [Fact]
    public async Task An_unchanged_reupload_writes_nothing_again()
    {
        await _ingestor.IngestAsync(Seed("etag-1"), Ct);

        var again = await _ingestor.IngestAsync(Seed("etag-2"), Ct);

        Assert.Single(again.ArticleIds);
        Assert.Equal(1, _index.Upserts);
        Assert.Equal(1, Store.Saves);
    }

    [Fact]
    public async Task A_changed_reupload_replaces_the_article()
    {
        await _ingestor.IngestAsync(Seed("etag-1"), Ct);

        var result = await _ingestor.IngestAsync(ChangedSeed("etag-2"), Ct);

        var article = _index.Articles[Assert.Single(result.ArticleIds)];
        Assert.Contains("lasting ceasefire", article.Body, StringComparison.Ordinal);
        Assert.Equal("etag-2", article.Source.ETag);
        Assert.Equal(2, _index.Upserts);
    }

    [Fact]
    public async Task An_older_version_read_late_does_not_replace_the_newer_article()
    {
        var older = DateTimeOffset.UtcNow.AddMinutes(-1);
        await _ingestor.IngestAsync(ChangedSeed("etag-2") with { LastModified = older.AddSeconds(30) }, Ct);

        var result = await _ingestor.IngestAsync(Seed("etag-1") with { LastModified = older }, Ct);

        Assert.Equal(IngestOutcome.Superseded, result.Outcome);
        Assert.Equal("etag-2", Assert.Single(_index.Articles.Values).Source.ETag);
        Assert.Equal("etag-2", Assert.Single(Store.Articles.Values).Source.ETag);
    }

    [Fact]
    public async Task A_fixed_upload_clears_its_earlier_rejection()
    {
        await _ingestor.IngestAsync(new SourceDocument("ukraine-peace-talks.txt", Array.Empty<byte>()), Ct);

        await _ingestor.IngestAsync(Seed("etag-2"), Ct);

        Assert.Empty(Rejections.Rejections);
        Assert.Single(_index.Articles);
    }

    [Fact]
    public async Task A_json_array_becomes_one_article_per_element_with_distinct_ids()
    {
        var result = await _ingestor.IngestAsync(Feed("First", "Second"), Ct);

        Assert.Equal(2, result.ArticleIds.Distinct().Count());
        Assert.Equal(["First story", "Second story"], result.ArticleIds.Select(id => _index.Articles[id].Title));
    }

    [Fact]
    public async Task Writes_the_first_part_of_a_multi_part_blob_last_so_it_marks_the_blob_done()
    {
        await _ingestor.IngestAsync(Feed("First", "Second", "Third"), Ct);

        Assert.Equal(3, _index.WriteOrder.Count);
        Assert.Equal(ArticleId.FromBlobName("feed.json", 0), _index.WriteOrder.Last());
    }

    [Fact]
    public async Task A_shorter_array_removes_the_articles_of_the_elements_it_lost()
    {
        await _ingestor.IngestAsync(Feed("First", "Second", "Third"), Ct);

        var result = await _ingestor.IngestAsync(Feed("First"), Ct);

        Assert.Equal([ArticleId.FromBlobName("feed.json")], _index.Articles.Keys);
        Assert.Equal([ArticleId.FromBlobName("feed.json")], Store.Articles.Keys);
        Assert.Single(result.ArticleIds);
    }

    [Fact]
    public async Task Removing_a_blob_removes_all_its_articles_from_index_and_store()
    {
        await _ingestor.IngestAsync(Feed("First", "Second"), Ct);
        await _ingestor.IngestAsync(Seed("etag-1"), Ct);

        var removed = await _ingestor.RemoveAsync("feed.json", Ct);

        Assert.Equal(2, removed.Count);
        Assert.Equal("ukraine-peace-talks.txt", Assert.Single(_index.Articles.Values).Source.BlobName);
        Assert.Equal("ukraine-peace-talks.txt", Assert.Single(Store.Articles.Values).Source.BlobName);
    }

    [Fact]
    public async Task Removing_a_rejected_blob_forgets_its_rejection()
    {
        await _ingestor.IngestAsync(new SourceDocument("empty.txt", Array.Empty<byte>()), Ct);

        await _ingestor.RemoveAsync("empty.txt", Ct);

        Assert.Empty(Rejections.Rejections);
    }

    private static SourceDocument Feed(params string[] titles)
    {
        var json = "[" + string.Join(", ", titles.Select(t => $$"""{"title": "{{t}} story", "body": "The {{t}} story has a body."}""")) + "]";
        return new SourceDocument("feed.json", Encoding.UTF8.GetBytes(json));
    }

    private static SourceDocument Seed(string etag) =>
        new("ukraine-peace-talks.txt", File.ReadAllBytes(TestData.RequireShared("samples", "ukraine-peace-talks.txt")), "text/plain", etag);

    private static SourceDocument ChangedSeed(string etag)
    {
        var changed = Encoding.UTF8.GetString(Seed(etag).Content.Span).Replace("immediate ceasefire", "lasting ceasefire", StringComparison.Ordinal);
        return new SourceDocument("ukraine-peace-talks.txt", Encoding.UTF8.GetBytes(changed), "text/plain", etag);
    }
}
