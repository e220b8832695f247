using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Core.Search;
using static Pipeline.Testing.Articles.ArticleBuilder;

namespace Pipeline.Search.Lucene.Tests.Faults;

/// <summary>
/// The disk under the index fills up, or the writer fails for good, while ingest writes: searches go on, writes fail
/// with a transient error until there is room again, and no write acknowledged before the fault is lost.
/// </summary>
public sealed class DiskFullTests : IDisposable
{
    private readonly TemporaryIndexFolder _folder = new();
    private FaultInjectingDirectory? _directory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private FaultInjectingDirectory Disk => _directory ?? throw new InvalidOperationException("No index is open.");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Writes_acknowledged_before_the_disk_filled_are_committed_once_it_has_room_again()
    {
        using (var index = OpenIndex())
        {
            await index.UpsertAsync(Article("committed").WithTitle("Harbour wall approved").Build(), Ct);
            await index.CommitAsync(Ct);
            await index.UpsertAsync(Article("acknowledged").WithTitle("Ferry timetable changes").Build(), Ct);

            Disk.Fault = DiskFault.Full;
            await Assert.ThrowsAsync<IOException>(() => index.CommitAsync(Ct));
            await Assert.ThrowsAsync<IOException>(() => index.UpsertAsync(Article("refused").WithTitle("Market hall reopens").Build(), Ct));

            Disk.Fault = DiskFault.None;
            await index.UpsertAsync(Article("after").WithTitle("Lighthouse repainted").Build(), Ct);
        }

        using var reopened = _folder.OpenIndex();
        Assert.Equal(["acknowledged", "after", "committed"], await AllIdsAsync(reopened));
    }

    [Fact]
    public async Task Searches_answer_from_the_index_while_the_disk_is_full()
    {
        using var index = OpenIndex();
        await index.UpsertAsync(Article("ferry").WithTitle("Ferry timetable changes").WithBody("The winter timetable starts in November.").Build(), Ct);

        Disk.Fault = DiskFault.Full;
        await Assert.ThrowsAsync<IOException>(() => index.UpsertAsync(Article("refused").WithTitle("Market hall reopens").Build(), Ct));

        Assert.Equal(["ferry"], (await index.SearchAsync(new SearchRequest("timetable"), Ct)).Hits.Select(hit => hit.Id));
        Assert.Equal("Ferry timetable changes", (await index.GetAsync("ferry", Ct))?.Title);
        Assert.True(Disk.Injected > 0, "the disk was never full for the index");
    }

    [Fact]
    public async Task A_write_refused_for_lack_of_space_succeeds_when_tried_again_after_space_is_freed()
    {
        using var index = OpenIndex();
        var article = Article("retried").WithTitle("Bridge reopens to traffic").Build();

        Disk.Fault = DiskFault.Full;
        await Assert.ThrowsAsync<IOException>(() => index.UpsertAsync(article, Ct));
        await Assert.ThrowsAsync<IOException>(() => index.UpsertAsync(article, Ct));
        Disk.Fault = DiskFault.None;
        await index.UpsertAsync(article, Ct);

        Assert.Equal(["retried"], (await index.SearchAsync(new SearchRequest("bridge"), Ct)).Hits.Select(hit => hit.Id));
    }

    [Fact]
    public async Task A_writer_that_can_never_commit_again_is_replaced_without_losing_acknowledged_writes()
    {
        using (var index = OpenIndex())
        {
            await index.UpsertAsync(Article("committed").WithTitle("Harbour wall approved").Build(), Ct);
            await index.CommitAsync(Ct);
            await index.UpsertAsync(Article("acknowledged").WithTitle("Ferry timetable changes").Build(), Ct);

            // Lucene's writer refuses every commit after an out-of-memory error inside it: the tragic case.
            Disk.Fault = DiskFault.OutOfMemoryOnce;
            var failed = await Assert.ThrowsAsync<IOException>(() => index.UpsertAsync(Article("refused").WithTitle("Market hall reopens").Build(), Ct));
            Assert.IsType<OutOfMemoryException>(failed.InnerException);

            await index.UpsertAsync(Article("after").WithTitle("Lighthouse repainted").Build(), Ct);
            await index.CommitAsync(Ct);
        }

        using var reopened = _folder.OpenIndex();
        Assert.Equal(["acknowledged", "after", "committed"], await AllIdsAsync(reopened));
    }

    [Fact]
    public async Task A_background_merge_that_runs_out_of_space_is_logged_and_the_process_lives_on()
    {
        // Lucene rethrows a failed merge on its merge thread, which in .NET would end the process (and this test run).
        var logger = new RecordingLogger<LuceneArticleIndex>();
        const int Count = 40;
        using var index = OpenIndex(logger, commitEveryWrite: true);
        Disk.Fault = DiskFault.FullForMerges;
        for (var n = 0; n < Count && !MergeFailureLogged(logger); n++)
        {
            await index.UpsertAsync(Article($"segment-{n:D2}").WithTitle($"Tide table {n}").Build(), Ct);
        }

        for (var wait = 0; wait < 100 && !MergeFailureLogged(logger); wait++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), Ct);
        }

        Assert.True(MergeFailureLogged(logger), $"no merge ran out of space ({Disk.Injected} faults injected)");
        Disk.Fault = DiskFault.None;
        await index.UpsertAsync(Article("after").WithTitle("Lighthouse repainted").Build(), Ct);
        Assert.Contains("after", await AllIdsAsync(index));
    }

    private static bool MergeFailureLogged(RecordingLogger<LuceneArticleIndex> logger) =>
        logger.Entries.Any(entry => entry.Level == LogLevel.Error && entry.Message.Contains("merge", StringComparison.Ordinal));

    /// <summary>An index that refreshes after every write and commits only when asked (or after every write), over a disk that can fill.</summary>
    private LuceneArticleIndex OpenIndex(ILogger<LuceneArticleIndex>? logger = null, bool commitEveryWrite = false)
    {
        var options = new LuceneIndexOptions
        {
            IndexPath = _folder.Path,
            RefreshInterval = TimeSpan.Zero,
            CommitInterval = commitEveryWrite ? TimeSpan.Zero : TimeSpan.FromHours(1),
            CommitAfterWrites = int.MaxValue,
        };
        return new LuceneArticleIndex(Options.Create(options), logger, path => _directory = new FaultInjectingDirectory(FSDirectory.Open(path)));
    }

    private static async Task<List<string>> AllIdsAsync(LuceneArticleIndex index)
    {
        await index.RefreshAsync(Ct);
        var results = await index.SearchAsync(new SearchRequest("*", Top: 100), Ct);
        return [.. results.Hits.Select(hit => hit.Id).Order(StringComparer.Ordinal)];
    }
}
