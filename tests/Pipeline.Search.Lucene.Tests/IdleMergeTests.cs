using Pipeline.Core.Search;
using static Pipeline.Testing.Articles.ArticleBuilder;

namespace Pipeline.Search.Lucene.Tests;

/// <summary>How the index merges its segments once writes stop, so that searches look each word up in fewer places.</summary>
public sealed class IdleMergeTests : IDisposable
{
    private readonly TemporaryIndexFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Merging_leaves_the_configured_number_of_segments_and_every_article_searchable()
    {
        using var index = _folder.OpenIndex(configure: options =>
        {
            options.IdleMergeAfter = TimeSpan.Zero;
            options.IdleMergeSegments = 2;
        });
        await WriteInSeparateSegmentsAsync(index, count: 12);
        Assert.True(index.SegmentCount > 2, $"expected more than 2 segments before merging, found {index.SegmentCount}");

        await index.MergeSegmentsAsync(Ct);

        Assert.True(index.SegmentCount <= 2, $"expected at most 2 segments after merging, found {index.SegmentCount}");
        Assert.Equal(12, (await index.SearchAsync(new SearchRequest("harbour"), Ct)).TotalCount);
    }

    [Fact]
    public async Task An_index_without_writes_merges_by_itself()
    {
        using var index = _folder.OpenIndex(configure: options =>
        {
            options.RefreshInterval = TimeSpan.FromMilliseconds(50);
            options.IdleMergeAfter = TimeSpan.FromMilliseconds(200);
            options.IdleMergeSegments = 1;
        });
        await WriteInSeparateSegmentsAsync(index, count: 12);

        // The merge runs on the index's own loop; the test waits for its outcome, not for a time.
        while (index.SegmentCount > 1)
        {
            await Task.Delay(50, Ct);
        }

        Assert.Equal(12, (await index.SearchAsync(new SearchRequest("harbour"), Ct)).TotalCount);
    }

    [Fact]
    public async Task An_index_with_few_segments_is_left_as_it_is()
    {
        using var index = _folder.OpenIndex(configure: options => options.IdleMergeSegments = 50);
        await WriteInSeparateSegmentsAsync(index, count: 3);
        var before = index.SegmentCount;

        await index.MergeSegmentsAsync(Ct);

        Assert.Equal(before, index.SegmentCount);
    }

    /// <summary>Each write is refreshed on its own, which flushes it into a segment of its own.</summary>
    private static async Task WriteInSeparateSegmentsAsync(LuceneArticleIndex index, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await index.UpsertAsync(Article($"harbour-{i}").WithTitle($"Harbour news {i}").Build(), Ct);
            await index.RefreshAsync(Ct);
        }
    }
}
