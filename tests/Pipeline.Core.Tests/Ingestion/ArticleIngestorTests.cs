using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Normalization;
using Pipeline.Core.Search;
using Pipeline.Testing;

namespace Pipeline.Core.Tests.Ingestion;

/// <summary>The ingest path every host runs, with the production normalizer and enricher and in-memory stores.</summary>
public sealed class ArticleIngestorTests : IDisposable
{
    private readonly RecordingArticleIndex _index = new();
    private readonly RecordingArticleStore _store = new();
    private readonly RecordingRejectionStore _rejections = new();
    private readonly ServiceProvider _services;
    private readonly ArticleIngestor _ingestor;

    public ArticleIngestorTests()
    {
        _services = new ServiceCollection()
            .AddLogging()
            .AddPipelineCore()
            .AddSingleton<IArticleIndex>(_index)
            .AddSingleton<INormalizedArticleStore>(_store)
            .AddSingleton<IRejectionStore>(_rejections)
            .BuildServiceProvider();
        _ingestor = _services.GetRequiredService<ArticleIngestor>();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Stores_and_indexes_the_seed_under_an_id_from_its_blob_name()
    {
        var result = await _ingestor.IngestAsync(Seed("etag-1"), Ct);

        var id = Assert.Single(result.ArticleIds);
        Assert.False(result.IsRejected);
        Assert.StartsWith("ukraine-peace-talks-", id, StringComparison.Ordinal);
        Assert.Equal("Ukraine Seeks New Peace Talks With Russia Amid Ongoing Violence", _index.Articles[id].Title);
        Assert.Equal(_index.Articles[id], _store.Articles[id]);
        Assert.Equal("etag-1", _index.Articles[id].Source.ETag);
    }

    [Fact]
    public async Task Records_an_empty_blob_as_rejected_and_writes_no_article()
    {
        var result = await _ingestor.IngestAsync(new SourceDocument("empty.txt", Array.Empty<byte>(), ETag: "etag-e"), Ct);

        Assert.Equal(NormalizationErrorCode.Empty, result.RejectedFor);
        var rejection = _rejections.Rejections["empty.txt"];
        Assert.Equal(NormalizationErrorCode.Empty, rejection.Reason);
        Assert.Equal("etag-e", rejection.ETag);
        Assert.Empty(_index.Articles);
        Assert.Empty(_store.Articles);
    }

    [Fact]
    public async Task An_unchanged_reupload_writes_nothing_again()
    {
        await _ingestor.IngestAsync(Seed("etag-1"), Ct);

        var again = await _ingestor.IngestAsync(Seed("etag-2"), Ct);

        Assert.Single(again.ArticleIds);
        Assert.Equal(1, _index.Upserts);
        Assert.Equal(1, _store.Saves);
    }

    [Fact]
    public async Task A_changed_reupload_replaces_the_article()
    {
        await _ingestor.IngestAsync(Seed("etag-1"), Ct);
        var changed = Encoding.UTF8.GetString(Seed("etag-2").Content.Span).Replace("immediate ceasefire", "lasting ceasefire", StringComparison.Ordinal);

        var result = await _ingestor.IngestAsync(new SourceDocument("ukraine-peace-talks.txt", Encoding.UTF8.GetBytes(changed), ETag: "etag-2"), Ct);

        var article = _index.Articles[Assert.Single(result.ArticleIds)];
        Assert.Contains("lasting ceasefire", article.Body, StringComparison.Ordinal);
        Assert.Equal("etag-2", article.Source.ETag);
        Assert.Equal(2, _index.Upserts);
    }

    [Fact]
    public async Task A_fixed_upload_clears_its_earlier_rejection()
    {
        await _ingestor.IngestAsync(new SourceDocument("ukraine-peace-talks.txt", Array.Empty<byte>()), Ct);

        await _ingestor.IngestAsync(Seed("etag-2"), Ct);

        Assert.Empty(_rejections.Rejections);
        Assert.Single(_index.Articles);
    }

    [Fact]
    public async Task A_json_array_becomes_one_article_per_element_with_distinct_ids()
    {
        var json = """[{"title": "First story", "body": "The first story has a body."}, {"title": "Second story", "body": "The second one too."}]""";

        var result = await _ingestor.IngestAsync(new SourceDocument("feed.json", Encoding.UTF8.GetBytes(json)), Ct);

        Assert.Equal(2, result.ArticleIds.Distinct().Count());
        Assert.Equal(["First story", "Second story"], result.ArticleIds.Select(id => _index.Articles[id].Title));
    }

    private static SourceDocument Seed(string etag) =>
        new("ukraine-peace-talks.txt", File.ReadAllBytes(TestData.RequireShared("samples", "ukraine-peace-talks.txt")), "text/plain", etag);
}
