using Lucene.Net.Index;
using Lucene.Net.Store;
using Pipeline.Search.Lucene.Scoring;
using static Pipeline.Testing.Articles.ArticleBuilder;

namespace Pipeline.Search.Lucene.Tests.Scoring;

public sealed class SegmentTermCacheTests : IDisposable
{
    private readonly TemporaryIndexFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Decodes_frequent_terms_and_remembers_where_rare_ones_are()
    {
        await WriteAsync(Enumerable.Range(0, 20).Select(i => i < 5 ? "storm market" : "storm"));
        using var reader = OpenReader();
        var segment = reader.Leaves[0].AtomicReader;
        var cache = new SegmentTermCache(1 << 20, minimumDocumentFrequency: 10);

        var frequent = cache.Get(segment, Body("storm"));
        var rare = cache.Get(segment, Body("market"));

        Assert.Equal(20, frequent.DocumentFrequency);
        Assert.Equal(20, frequent.Postings?.Documents.Length);
        Assert.Equal(5, rare.DocumentFrequency);
        Assert.Null(rare.Postings);
        Assert.NotNull(rare.State);
        Assert.Same(SegmentTerm.Absent, cache.Get(segment, Body("ferry")));
    }

    [Fact]
    public async Task Keeps_no_more_than_its_capacity_dropping_the_least_recently_used()
    {
        await WriteAsync(Enumerable.Repeat("storm market train", 40));
        using var reader = OpenReader();
        var segment = reader.Leaves[0].AtomicReader;
        var entryBytes = new SegmentTermCache(1 << 20, minimumDocumentFrequency: 1).Get(segment, Body("storm")).Bytes;
        var cache = new SegmentTermCache(capacityBytes: 2 * entryBytes, minimumDocumentFrequency: 1);

        var storm = cache.Get(segment, Body("storm"));
        var market = cache.Get(segment, Body("market"));
        Assert.Same(storm, cache.Get(segment, Body("storm")));
        cache.Get(segment, Body("train"));

        Assert.Equal(2, cache.Count);
        Assert.True(cache.Bytes <= 2 * entryBytes);
        Assert.Same(storm, cache.Get(segment, Body("storm")));
        Assert.NotSame(market, cache.Get(segment, Body("market")));
    }

    [Fact]
    public async Task Forgets_a_segment_once_no_reader_holds_it()
    {
        await WriteAsync(Enumerable.Repeat("storm market", 20));
        await WriteAsync(Enumerable.Repeat("storm market", 20), firstId: 20);
        var cache = new SegmentTermCache(1 << 20, minimumDocumentFrequency: 1);
        using (var reader = OpenReader())
        {
            Assert.Equal(2, reader.Leaves.Count);
            foreach (var segment in reader.Leaves)
            {
                cache.Get(segment.AtomicReader, Body("storm"));
            }

            Assert.Equal(2, cache.Count);
        }

        Assert.Equal(0, cache.Count);
        Assert.Equal(0, cache.Bytes);
    }

    [Fact]
    public async Task Keeps_nothing_without_capacity()
    {
        await WriteAsync(Enumerable.Repeat("storm", 20));
        using var reader = OpenReader();
        var cache = new SegmentTermCache(capacityBytes: 0);

        var storm = cache.Get(reader.Leaves[0].AtomicReader, Body("storm"));

        Assert.Equal(20, storm.DocumentFrequency);
        Assert.Null(storm.Postings);
        Assert.Equal(0, cache.Count);
    }

    private static Term Body(string word) => new("body", word);

    private DirectoryReader OpenReader() => DirectoryReader.Open(FSDirectory.Open(_folder.Path));

    /// <summary>One segment of articles with these bodies.</summary>
    private async Task WriteAsync(IEnumerable<string> bodies, int firstId = 0)
    {
        using var index = _folder.OpenIndex(configure: options => options.IdleMergeAfter = TimeSpan.Zero);
        await index.UpsertManyAsync(bodies.Select((body, i) => Article($"story-{firstId + i}").WithTitle("News").WithBody(body).Build()).ToList(), Ct);
    }
}
