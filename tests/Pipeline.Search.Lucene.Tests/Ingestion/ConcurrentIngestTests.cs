using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Search;
using Pipeline.Testing.Ingestion;

namespace Pipeline.Search.Lucene.Tests.Ingestion;

/// <summary>The production ingestor writing to a real Lucene index from many tasks at once.</summary>
public sealed class ConcurrentIngestTests : IDisposable
{
    private readonly TemporaryIndexFolder _folder = new();
    private readonly LuceneArticleIndex _lucene;
    private readonly IngestServices _services;
    private readonly ArticleIngestor _ingestor;

    public ConcurrentIngestTests()
    {
        _lucene = _folder.OpenIndex();
        _services = new IngestServices(_lucene);
        _ingestor = _services.Get<ArticleIngestor>();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _services.Dispose();
        _lucene.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Parallel_ingest_loses_no_article_and_leaves_one_document_per_id()
    {
        var sources = Enumerable.Range(0, 30).Select(i => _services.Sources.Upload($"story-{i}.txt", Story($"Harbour story {i}", "first"))).ToList();

        await Parallel.ForEachAsync(sources, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct }, async (source, ct) =>
            await _ingestor.IngestAsync(source, ct));

        var all = await _lucene.SearchAsync(new SearchRequest("*", Top: 100), Ct);
        Assert.Equal(30, all.TotalCount);
        Assert.Equal(30, all.Hits.Select(h => h.Id).Distinct().Count());
    }

    [Fact]
    public async Task Two_versions_of_one_blob_ingested_at_once_end_with_the_newer()
    {
        for (var round = 0; round < 10; round++)
        {
            var name = $"race-{round}.txt";
            var older = _services.Sources.Upload(name, Story("Race", "older"));
            var newer = _services.Sources.Upload(name, Story("Race", "newer"));
            var (first, second) = round % 2 == 0 ? (older, newer) : (newer, older);

            await Task.WhenAll(Task.Run(() => _ingestor.IngestAsync(first, Ct), Ct), Task.Run(() => _ingestor.IngestAsync(second, Ct), Ct));

            var indexed = await _lucene.GetAsync(ArticleId.FromBlobName(name), Ct);
            Assert.Equal(newer.ETag, indexed!.Source.ETag);
            Assert.Contains("newer", indexed.Body, StringComparison.Ordinal);
        }
    }

    private static string Story(string title, string version) =>
        $"{title}\n\nThis is the {version} version of the story, long enough to be an article of its own.";
}
