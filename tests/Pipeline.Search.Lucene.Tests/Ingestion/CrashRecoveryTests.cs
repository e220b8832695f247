using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ingestion.Reconciliation;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Suggestions;
using Pipeline.Testing.Ingestion;

namespace Pipeline.Search.Lucene.Tests.Ingestion;

/// <summary>
/// Writes acknowledged but not yet committed when the process dies: the index on disk lacks them, and the start-up
/// passes find them by their version and ingest them again from their blobs.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly TemporaryIndexFolder _folder = new();
    private readonly ReopenableIndex _index = new();
    private readonly IngestServices _services;

    public CrashRecoveryTests()
    {
        _index.Current = OpenWithoutScheduledCommits();
        _services = new IngestServices(_index);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _services.Dispose();
        _index.Current.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task An_uncommitted_write_is_missing_after_a_kill_and_catch_up_ingests_it_again()
    {
        var source = _services.Sources.Upload("harbour.txt", Story("Harbour reopens"));
        await _services.Get<ArticleIngestor>().IngestAsync(source, Ct);
        var id = ArticleId.FromBlobName(source.Name);
        Assert.NotNull(await _index.Current.GetAsync(id, Ct));

        KillAndRestart();
        Assert.Null(await _index.Current.GetAsync(id, Ct));

        var report = await _services.Get<InterruptedIngestCatchUp>().RunAsync(DateTimeOffset.MaxValue, cancellationToken: Ct);

        Assert.Equal(1, report.Unfinished);
        Assert.Equal(source.ETag, (await _index.Current.GetAsync(id, Ct))?.Source.ETag);
    }

    [Fact]
    public async Task An_uncommitted_write_is_missing_after_a_kill_and_reconcile_ingests_it_again()
    {
        var source = _services.Sources.Upload("harbour.txt", Story("Harbour reopens"));
        await _services.Get<ArticleIngestor>().IngestAsync(source, Ct);
        var id = ArticleId.FromBlobName(source.Name);

        KillAndRestart();
        Assert.NotNull(await _services.Store.GetAsync(id, Ct));

        var report = await _services.Get<ArticleReconciler>().ReconcileAsync(Ct);

        Assert.Equal(1, report.IngestedMissing);
        Assert.Equal(source.ETag, (await _index.Current.GetAsync(id, Ct))?.Source.ETag);
    }

    [Fact]
    public async Task A_committed_write_survives_a_kill_and_catch_up_leaves_it_alone()
    {
        var source = _services.Sources.Upload("harbour.txt", Story("Harbour reopens"));
        await _services.Get<ArticleIngestor>().IngestAsync(source, Ct);
        await _index.Current.CommitAsync(Ct);

        KillAndRestart();
        var report = await _services.Get<InterruptedIngestCatchUp>().RunAsync(DateTimeOffset.MaxValue, cancellationToken: Ct);

        Assert.Equal(0, report.Unfinished);
        Assert.Equal(source.ETag, (await _index.Current.GetAsync(ArticleId.FromBlobName(source.Name), Ct))?.Source.ETag);
    }

    [Fact]
    public async Task Only_the_blobs_whose_writes_were_lost_are_ingested_again()
    {
        var ingestor = _services.Get<ArticleIngestor>();
        var committed = _services.Sources.Upload("committed.txt", Story("Bridge repairs begin"));
        await ingestor.IngestAsync(committed, Ct);
        await _index.Current.CommitAsync(Ct);
        var lost = _services.Sources.Upload("lost.txt", Story("Market stalls return"));
        await ingestor.IngestAsync(lost, Ct);

        KillAndRestart();
        var report = await _services.Get<InterruptedIngestCatchUp>().RunAsync(DateTimeOffset.MaxValue, cancellationToken: Ct);

        Assert.Equal((2, 1), (report.Checked, report.Unfinished));
        Assert.NotNull(await _index.Current.GetAsync(ArticleId.FromBlobName(lost.Name), Ct));
    }

    private LuceneArticleIndex OpenWithoutScheduledCommits() =>
        _folder.OpenIndex(configure: options =>
        {
            options.CommitInterval = TimeSpan.FromHours(1);
            options.CommitAfterWrites = int.MaxValue;
        });

    /// <summary>Drops the index as a killed process does (uncommitted writes discarded) and opens it again from disk.</summary>
    private void KillAndRestart()
    {
        _index.Current.AbandonAsIfKilled();
        _index.Current = OpenWithoutScheduledCommits();
    }

    private static string Story(string title) =>
        $"{title}\n\nThe council said the work would finish before the summer, and traders welcomed the news.";

    /// <summary>What the ingest services see as their index, while the test swaps the index behind it on a restart.</summary>
    private sealed class ReopenableIndex : IArticleIndex
    {
        public LuceneArticleIndex Current { get; set; } = null!;

        public Task UpsertAsync(Article article, CancellationToken cancellationToken = default) => Current.UpsertAsync(article, cancellationToken);

        public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) => Current.DeleteAsync(id, cancellationToken);

        public Task<Article?> GetAsync(string id, CancellationToken cancellationToken = default) => Current.GetAsync(id, cancellationToken);

        public Task<IReadOnlyDictionary<string, ArticleVersion>> GetVersionsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
            Current.GetVersionsAsync(ids, cancellationToken);

        public Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) => Current.SearchAsync(request, cancellationToken);

        public Task<IReadOnlyList<SimilarArticle>> FindSimilarAsync(string id, int top, CancellationToken cancellationToken = default) =>
            Current.FindSimilarAsync(id, top, cancellationToken);

        public Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestRequest request, CancellationToken cancellationToken = default) =>
            Current.SuggestAsync(request, cancellationToken);
    }
}
