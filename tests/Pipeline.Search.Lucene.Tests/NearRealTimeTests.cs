using Pipeline.Core.Search;
using static Pipeline.Testing.Articles.ArticleBuilder;

namespace Pipeline.Search.Lucene.Tests;

/// <summary>How an acknowledged write becomes readable, searchable and durable with batched refreshes and commits.</summary>
public sealed class NearRealTimeTests : IDisposable
{
    private readonly TemporaryIndexFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_write_after_a_quiet_spell_is_searchable_without_waiting_for_the_interval()
    {
        using var index = OpenWithSchedule(TimeSpan.FromHours(1));

        await index.UpsertAsync(Article("lighthouse").WithTitle("Lighthouse keeper retires").Build(), Ct);

        // The refresh runs on the index's own loop; the test waits for its outcome, not for a time (the interval is an hour).
        await WaitUntilSearchableAsync(index, "lighthouse");
    }

    [Fact]
    public async Task A_write_soon_after_a_refresh_is_readable_by_id_at_once_and_searchable_after_the_next()
    {
        using var index = OpenWithSchedule(TimeSpan.FromHours(1));
        await index.UpsertAsync(Article("lighthouse").WithTitle("Lighthouse keeper retires").Build(), Ct);
        await WaitUntilSearchableAsync(index, "lighthouse");

        await index.UpsertAsync(Article("ferry").WithTitle("Ferry service resumes").Build(), Ct);

        Assert.Equal("Ferry service resumes", (await index.GetAsync("ferry", Ct))?.Title);
        Assert.Equal(0, (await index.SearchAsync(new SearchRequest("ferry"), Ct)).TotalCount);
        await index.RefreshAsync(Ct);
        Assert.Equal(1, (await index.SearchAsync(new SearchRequest("ferry"), Ct)).TotalCount);
    }

    [Fact]
    public async Task A_delete_is_seen_by_id_before_the_refresh()
    {
        using var index = OpenWithSchedule(TimeSpan.FromHours(1));
        await index.UpsertAsync(Article("ferry").Build(), Ct);

        Assert.True(await index.DeleteAsync("ferry", Ct));

        Assert.Null(await index.GetAsync("ferry", Ct));
        Assert.Empty(await index.GetVersionsAsync(["ferry"], Ct));
        Assert.False(await index.DeleteAsync("ferry", Ct));
    }

    [Fact]
    public async Task Closing_the_index_commits_what_was_acknowledged()
    {
        using (var index = OpenWithSchedule(TimeSpan.FromHours(1)))
        {
            await index.UpsertAsync(Article("harbour").WithTitle("Harbour reopens").Build(), Ct);
            Assert.Equal(1, index.UncommittedWrites);
        }

        using var reopened = _folder.OpenIndex();
        Assert.Equal("Harbour reopens", (await reopened.GetAsync("harbour", Ct))?.Title);
    }

    [Fact]
    public async Task Enough_uncommitted_writes_are_committed_without_waiting_for_the_interval()
    {
        using var index = _folder.OpenIndex(configure: options =>
        {
            options.RefreshInterval = TimeSpan.FromHours(1);
            options.CommitInterval = TimeSpan.FromHours(1);
            options.CommitAfterWrites = 3;
        });

        for (var i = 0; i < 3; i++)
        {
            await index.UpsertAsync(Article($"story-{i}").Build(), Ct);
        }

        // The commit runs on the index's own loop; the test waits for its outcome, not for a time.
        while (index.UncommittedWrites > 0)
        {
            await Task.Delay(10, Ct);
        }

        Assert.Equal(0, index.UncommittedWrites);
    }

    private static async Task WaitUntilSearchableAsync(LuceneArticleIndex index, string query)
    {
        while ((await index.SearchAsync(new SearchRequest(query), Ct)).TotalCount == 0)
        {
            await Task.Delay(10, Ct);
        }
    }

    private LuceneArticleIndex OpenWithSchedule(TimeSpan interval) =>
        _folder.OpenIndex(configure: options =>
        {
            options.RefreshInterval = interval;
            options.CommitInterval = interval;
        });
}
