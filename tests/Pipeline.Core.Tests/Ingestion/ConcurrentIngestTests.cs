using Pipeline.Core.Ingestion;
using Pipeline.Testing.Ingestion;

namespace Pipeline.Core.Tests.Ingestion;

/// <summary>Many blobs at once, and two versions of one blob racing: nothing lost, the newer version wins.</summary>
public sealed class ConcurrentIngestTests : IDisposable
{
    private readonly RecordingArticleIndex _index = new();
    private readonly IngestServices _services;
    private readonly ArticleIngestor _ingestor;

    public ConcurrentIngestTests()
    {
        _services = new IngestServices(_index);
        _ingestor = _services.Get<ArticleIngestor>();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Blobs_ingested_in_parallel_all_end_up_in_index_and_store()
    {
        var sources = Enumerable.Range(0, 40).Select(i => _services.Sources.Upload($"story-{i}.txt", Story($"Story {i}", "first"))).ToList();

        await Parallel.ForEachAsync(sources, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct }, async (source, ct) =>
            await _ingestor.IngestAsync(source, ct));

        Assert.Equal(40, _index.Articles.Count);
        Assert.Equal(_index.Articles.Keys.Order(), _services.Store.Articles.Keys.Order());
    }

    [Fact]
    public async Task Two_versions_read_in_either_order_end_with_the_newer()
    {
        for (var round = 0; round < 20; round++)
        {
            var name = $"race-{round}.txt";
            var older = _services.Sources.Upload(name, Story("Race", "older"));
            var newer = _services.Sources.Upload(name, Story("Race", "newer"));

            // Alternate which one starts first; both run at once on the thread pool.
            var (first, second) = round % 2 == 0 ? (older, newer) : (newer, older);
            await Task.WhenAll(Task.Run(() => _ingestor.IngestAsync(first, Ct), Ct), Task.Run(() => _ingestor.IngestAsync(second, Ct), Ct));

            var indexed = Assert.Single(_index.Articles.Values, a => a.Source.BlobName == name);
            Assert.Equal(newer.ETag, indexed.Source.ETag);
            Assert.Contains("newer", indexed.Body, StringComparison.Ordinal);
            Assert.Equal(newer.ETag, _services.Store.Articles[indexed.Id].Source.ETag);
        }
    }

    private static string Story(string title, string version) =>
        $"{title}\n\nThis is the {version} version of the story, long enough to be an article of its own.";
}
