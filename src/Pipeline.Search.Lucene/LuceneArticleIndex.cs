using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pipeline.Core.Articles;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Suggestions;
using Pipeline.Search.Lucene.Analysis;
using Pipeline.Search.Lucene.Indexing;
using Pipeline.Search.Lucene.Querying;
using Pipeline.Search.Lucene.Scoring;
using Pipeline.Search.Lucene.Similar;
using Pipeline.Search.Lucene.Suggestions;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Pipeline.Search.Lucene;

/// <summary>
/// An on-disk Lucene.NET index of articles. One instance owns its folder: a second one, in this or another process,
/// is refused. Safe for concurrent use.
/// </summary>
/// <remarks>
/// Writes are acknowledged once the index writer holds them: a read by id (<see cref="GetAsync"/>,
/// <see cref="GetVersionsAsync"/>) sees them at once, searches after the next near-real-time refresh (about once a
/// <see cref="LuceneIndexOptions.RefreshInterval"/>), and they are durable after the next commit, which is batched by
/// time and size (<see cref="LuceneIndexOptions.CommitInterval"/>, <see cref="LuceneIndexOptions.CommitAfterWrites"/>).
/// A crash loses the uncommitted writes from the index only: their blobs still hold them, and the catch-up pass at
/// start finds their versions missing from the index and ingests them again.
/// </remarks>
public sealed partial class LuceneArticleIndex : IArticleIndex, IDisposable, IAsyncDisposable
{
    private static readonly ISet<string> ArticleJsonOnly = new HashSet<string> { IndexFieldNames.ArticleJson };

    private readonly ILogger<LuceneArticleIndex> _logger;
    private readonly IndexFolderLock _folderLock;
    private readonly Analyzer _analyzer;
    private readonly Analyzer _indexAnalyzer;
    private readonly LuceneDirectory _directory;
    private readonly Func<string, LuceneDirectory> _openDirectory;

    // Replaced together, under both gates, when a failed writer is reopened (LuceneArticleIndex.Recovery.cs).
    private IndexWriter _writer;
    private SearcherManager _searchers;
    private readonly ArticleSearchExecutor _search;
    private readonly SimilarArticleFinder _similar;
    private readonly TitleSuggester _suggester = new();

    // Writes are serialized so that a delete can tell whether it removed something.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SemaphoreSlim _commitGate = new(1, 1);
    private readonly PendingWrites _pending = new();
    private readonly UncommittedWrites _uncommitted = new();
    private readonly TimeSpan _refreshInterval;

    // When searchers were last refreshed for new writes; zero until the first.
    private long _lastRefreshTimestamp;
    private readonly TimeSpan _commitInterval;
    private readonly int _commitAfterWrites;
    private readonly int _rankedPageCacheSize;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _maintenance;
    private long _uncommittedWrites;
    private long _lastCommitTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
    private int _disposed;

    /// <summary>
    /// Creates and locks the folder, and proves it writable, so that a folder the host cannot write (permissions, a
    /// read-only or full disk, a file in the way) is a clear error at start naming it, not a failure at the first upload.
    /// </summary>
    private static IndexFolderLock OpenFolder(string indexPath)
    {
        try
        {
            System.IO.Directory.CreateDirectory(indexPath);
            var folderLock = IndexFolderLock.Acquire(indexPath);
            try
            {
                var probe = Path.Combine(indexPath, $"write-probe-{Environment.ProcessId}.tmp");
                File.WriteAllBytes(probe, new byte[4096]);
                File.Delete(probe);
                return folderLock;
            }
            catch
            {
                folderLock.Dispose();
                throw;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"The search index folder '{indexPath}' cannot be written: {ex.Message} " +
                "Give the host write access to it and free some disk space, or choose another folder in Pipeline:Lucene:IndexPath.",
                ex);
        }
    }

    public LuceneArticleIndex(IOptions<LuceneIndexOptions> options, ILogger<LuceneArticleIndex>? logger = null)
        : this(options, logger, path => FSDirectory.Open(path))
    {
    }

    /// <param name="openDirectory">Opens the Lucene directory over the index folder; tests pass one that injects faults.</param>
    internal LuceneArticleIndex(IOptions<LuceneIndexOptions> options, ILogger<LuceneArticleIndex>? logger, Func<string, LuceneDirectory> openDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        _openDirectory = openDirectory;
        _logger = logger ?? NullLogger<LuceneArticleIndex>.Instance;
        IndexPath = Path.GetFullPath(options.Value.IndexPath);
        _refreshInterval = options.Value.RefreshInterval;
        _commitInterval = options.Value.CommitInterval;
        _commitAfterWrites = options.Value.CommitAfterWrites;
        _rankedPageCacheSize = options.Value.RankedPageCacheSize;
        _idleMergeAfter = options.Value.IdleMergeAfter;
        _idleMergeSegments = options.Value.IdleMergeSegments;
        _folderLock = OpenFolder(IndexPath);
        try
        {
            _analyzer = new ArticleAnalyzer();
            _indexAnalyzer = new IndexingAnalyzer(_analyzer);
            _directory = _openDirectory(IndexPath);
            var schemaVersion = IndexSchema.VersionOf(_directory);
            if (schemaVersion > IndexSchema.Current)
            {
                throw new InvalidOperationException(
                    $"The search index at '{IndexPath}' was written by a newer version (schema {schemaVersion}; this one knows {IndexSchema.Current}). " +
                    "Run the newer version, or delete the folder to rebuild it from the articles.");
            }

            _writer = OpenWriter();
            if (schemaVersion < IndexSchema.Current)
            {
                RebuildDocuments(schemaVersion.Value);
            }

            // A new folder gets its first commit now, so the index on disk is valid even if nothing is ever written.
            _writer.Commit();
            _searchers = new SearcherManager(_writer, applyAllDeletes: true, new ArticleSearcher.Factory(_rankedPageCacheSize));
        }
        catch
        {
            _writer?.Dispose();
            _directory?.Dispose();
            _indexAnalyzer?.Dispose();
            _analyzer?.Dispose();
            _suggester.Dispose();
            _folderLock.Dispose();
            throw;
        }

        SegmentTerms = new SegmentTermCache(options.Value.PostingsCacheMegabytes * 1024L * 1024L);
        _search = new ArticleSearchExecutor(_analyzer, SegmentTerms);
        _similar = new SimilarArticleFinder(_analyzer);
        _maintenance = _refreshInterval == TimeSpan.Zero && _commitInterval == TimeSpan.Zero
            ? Task.CompletedTask
            : Task.Run(() => MaintainAsync(_stopping.Token));
        LogOpened(IndexPath, _writer.NumDocs);
    }

    /// <summary>The full path of the index folder.</summary>
    public string IndexPath { get; }

    /// <summary>The words searches looked up in each segment, with the postings of the frequent ones decoded.</summary>
    internal SegmentTermCache SegmentTerms { get; }

    public async Task UpsertAsync(Article article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentException.ThrowIfNullOrEmpty(article.Id);
        var document = ArticleDocumentBuilder.Build(article);

        await WriteAsync(() =>
        {
            _writer.UpdateDocument(ArticleDocumentBuilder.IdTerm(article.Id), document);
            Wrote(article.Id, article);
            return 1;
        }, cancellationToken);
        LogIndexed(article.Id);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var deleted = await WriteAsync(() =>
        {
            var term = ArticleDocumentBuilder.IdTerm(id);
            var exists = _pending.TryGet(id, out var pending)
                ? pending is not null
                : WithSearcher(searcher => searcher.Search(new TermQuery(term), 1).TotalHits > 0);
            if (!exists)
            {
                return 0;
            }

            _writer.DeleteDocuments(term);
            Wrote(id, null);
            return 1;
        }, cancellationToken) > 0;

        if (deleted)
        {
            LogDeleted(id);
        }

        return deleted;
    }

    public Task<Article?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        if (_pending.TryGet(id, out var pending))
        {
            return Task.FromResult(pending);
        }

        return Task.FromResult(WithSearcher(searcher =>
        {
            var hits = searcher.Search(new TermQuery(ArticleDocumentBuilder.IdTerm(id)), 1).ScoreDocs;
            return hits.Length == 0 ? null : ArticleDocumentBuilder.ReadArticle(searcher.Doc(hits[0].Doc, ArticleJsonOnly));
        }));
    }

    public Task<IReadOnlyDictionary<string, ArticleVersion>> GetVersionsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        cancellationToken.ThrowIfCancellationRequested();
        var versions = new Dictionary<string, ArticleVersion>(StringComparer.Ordinal);
        var inSearcher = new List<string>(ids.Count);
        foreach (var id in ids)
        {
            if (!_pending.TryGet(id, out var pending))
            {
                inSearcher.Add(id);
            }
            else if (pending is not null)
            {
                versions[id] = ArticleVersion.Of(pending);
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, ArticleVersion>>(
            WithSearcher(searcher => VersionLookup.Read(searcher.IndexReader, inSearcher, versions, cancellationToken)));
    }

    public Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(WithSearcher(searcher => _search.Search(searcher, request)));
    }

    public Task<IReadOnlyList<SimilarArticle>> FindSimilarAsync(string id, int top, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(WithSearcher(searcher => _similar.Find(searcher, id, top)));
    }

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(WithSearcher(searcher => _suggester.Suggest(searcher, request)));
    }

    public void Dispose()
    {
        if (!StopMaintenance())
        {
            return;
        }

        // Waits for a write in flight, so it is committed rather than cut off.
        _writeGate.Wait();
        _commitGate.Wait();
        try
        {
            _searchers.Dispose();
            CommitAndCloseWriter();
            _directory.Dispose();
            _suggester.Dispose();
            _indexAnalyzer.Dispose();
            _analyzer.Dispose();
        }
        finally
        {
            _folderLock.Dispose();
            _commitGate.Release();
            _writeGate.Release();
            _stopping.Dispose();
        }

        LogClosed(IndexPath);
    }

    /// <summary>Marks the index closed and stops its refresh-and-commit loop; false when it was closed already.</summary>
    private bool StopMaintenance()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return false;
        }

        _stopping.Cancel();
        try
        {
            _maintenance.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // Stopped as asked.
        }

        return true;
    }

    /// <summary>
    /// Closes the index the way a killed process leaves it: the writes not yet committed are discarded, not written.
    /// For tests of crash recovery.
    /// </summary>
    internal void AbandonAsIfKilled()
    {
        if (!StopMaintenance())
        {
            return;
        }

        _writeGate.Wait();
        _commitGate.Wait();
        try
        {
            _searchers.Dispose();
            _writer.Rollback();
            _pending.Clear();
            _directory.Dispose();
            _suggester.Dispose();
            _indexAnalyzer.Dispose();
            _analyzer.Dispose();
        }
        finally
        {
            _folderLock.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Makes every write acknowledged so far searchable now, instead of at the next scheduled refresh. For callers that
    /// must search what they just wrote (bulk loads, tests); ingest does not need it.
    /// </summary>
    public Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        Refresh();
        return Task.CompletedTask;
    }

    /// <summary>Makes every write acknowledged so far durable now, instead of at the next scheduled commit.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_writerFailed)
        {
            // Reopening the writer commits the writes it makes again.
            await RecoverWriterAsync(cancellationToken);
            return;
        }

        await _commitGate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            Commit();
        }
        catch (Exception ex) when (IsWriterFault(ex))
        {
            throw WriterFailed(ex);
        }
        finally
        {
            _commitGate.Release();
        }
    }

    /// <summary>The number of acknowledged writes not yet committed (lost from the index by a crash, then re-ingested).</summary>
    public long UncommittedWrites => Interlocked.Read(ref _uncommittedWrites);

    /// <summary>Runs one change; refreshes and commits at once only when the options ask for it, else the maintenance loop does.</summary>
    /// <returns>What the change returns: the number of documents it wrote.</returns>
    private async Task<int> WriteAsync(Func<int> change, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _writeGate.WaitAsync(cancellationToken);
        int result;
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            if (_writerFailed)
            {
                RecoverWriter();
            }

            try
            {
                result = change();
                if (result == 0)
                {
                    return 0;
                }

                NoteWrite();
                var uncommitted = Interlocked.Add(ref _uncommittedWrites, result);
                if (_commitInterval == TimeSpan.Zero)
                {
                    Commit();
                }
                else if (uncommitted >= _commitAfterWrites)
                {
                    Wake();
                }

                if (_refreshInterval == TimeSpan.Zero)
                {
                    Refresh();
                }
                else if (Interlocked.Read(ref _lastRefreshTimestamp) is var refreshed
                    && (refreshed == 0 || System.Diagnostics.Stopwatch.GetElapsedTime(refreshed) >= _refreshInterval))
                {
                    // The first write after a quiet spell is made searchable at once (a single upload need not wait out
                    // the interval); while writes keep coming, the loop refreshes at most once an interval.
                    Wake();
                }
            }
            catch (Exception ex) when (IsWriterFault(ex))
            {
                throw WriterFailed(ex);
            }
        }
        finally
        {
            _writeGate.Release();
        }

        return result;
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    /// <summary>Refreshes searchers while there are new writes and commits when enough time or writes have gathered.</summary>
    private async Task MaintainAsync(CancellationToken stopping)
    {
        var tick = _refreshInterval == TimeSpan.Zero ? _commitInterval : _refreshInterval;
        if (_commitInterval > TimeSpan.Zero && _commitInterval < tick)
        {
            tick = _commitInterval;
        }

        while (!stopping.IsCancellationRequested)
        {
            await _wake.WaitAsync(tick, stopping);
            try
            {
                if (_writerFailed)
                {
                    try
                    {
                        await RecoverWriterAsync(stopping);
                    }
                    catch (IOException)
                    {
                        // Still no room; RecoverWriter logged why. Tried again on the next tick.
                        continue;
                    }
                }

                if (_pending.Count > 0)
                {
                    Refresh();
                }

                var uncommitted = Interlocked.Read(ref _uncommittedWrites);
                if (uncommitted > 0 && (uncommitted >= _commitAfterWrites
                    || System.Diagnostics.Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastCommitTimestamp)) >= _commitInterval))
                {
                    await CommitAsync(stopping);
                }

                MaybeMergeWhileIdle(stopping);
            }
            catch (ObjectDisposedException) when (Volatile.Read(ref _disposed) != 0)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed commit or refresh (disk full, a writer that closed itself) leaves the writer's state in doubt:
                // it is reopened from the last commit and the uncommitted writes are made again (on the next tick or
                // write, until the disk has room); what a crash would lose meanwhile is re-ingested from the blobs.
                if (IsWriterFault(ex))
                {
                    _writerFailed = true;
                }

                LogMaintenanceFailed(ex, IndexPath);
            }
        }
    }

    private void Refresh()
    {
        Interlocked.Exchange(ref _lastRefreshTimestamp, System.Diagnostics.Stopwatch.GetTimestamp());
        var upTo = _pending.Sequence;
        _searchers.MaybeRefreshBlocking();
        _pending.Forget(upTo);
    }

    /// <summary>Commits; the caller holds the commit gate (or is the write path committing every write).</summary>
    private void Commit()
    {
        var writes = Interlocked.Read(ref _uncommittedWrites);
        var upTo = _uncommitted.Sequence;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        _writer.Commit();
        _uncommitted.Committed(upTo);
        Interlocked.Add(ref _uncommittedWrites, -writes);
        Interlocked.Exchange(ref _lastCommitTimestamp, started);
        if (writes > 0 && _commitInterval > TimeSpan.Zero)
        {
            LogCommitted(writes, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>
    /// Re-creates every document of an index written with an older schema from the article JSON it stores, so a
    /// local index keeps its articles across an upgrade without re-ingesting them. Nothing is committed until all are
    /// rewritten: a crash part way leaves the old index, and the next start tries again.
    /// </summary>
    private void RebuildDocuments(int fromVersion)
    {
        using var reader = DirectoryReader.Open(_directory);
        LogRebuilding(IndexPath, fromVersion, IndexSchema.Current, reader.NumDocs);
        _writer.DeleteAll();
        var rebuilt = 0;
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var live = segment.LiveDocs;
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc))
                {
                    continue;
                }

                try
                {
                    _writer.AddDocument(ArticleDocumentBuilder.Build(ArticleDocumentBuilder.ReadArticle(segment.Document(doc, ArticleJsonOnly))));
                    rebuilt++;
                }
                catch (Exception ex) when (ex is InvalidDataException or System.Text.Json.JsonException)
                {
                    // One unreadable article must not cost the others; it is indexed again on its next upload.
                    LogUnreadableArticle(ex, segment.Document(doc).Get(IndexFieldNames.Id));
                }
            }
        }

        _writer.Commit();
        LogRebuilt(IndexPath, rebuilt, IndexSchema.Current);
    }

    private T WithSearcher<T>(Func<IndexSearcher, T> read)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var searchers = Volatile.Read(ref _searchers);
        IndexSearcher searcher;
        try
        {
            searcher = searchers.Acquire();
        }
        catch (ObjectDisposedException) when (Volatile.Read(ref _disposed) == 0 && !ReferenceEquals(searchers, Volatile.Read(ref _searchers)))
        {
            // The writer was reopened between reading the field and acquiring: read from the new searchers.
            searchers = Volatile.Read(ref _searchers);
            searcher = searchers.Acquire();
        }

        try
        {
            return read(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened Lucene index at {IndexPath} with {ArticleCount} articles")]
    private partial void LogOpened(string indexPath, int articleCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Lucene index at {IndexPath} has schema {OldVersion}; rebuilding its {ArticleCount} articles for schema {NewVersion}")]
    private partial void LogRebuilding(string indexPath, int oldVersion, int newVersion, int articleCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt the Lucene index at {IndexPath}: {ArticleCount} articles now on schema {SchemaVersion}")]
    private partial void LogRebuilt(string indexPath, int articleCount, int schemaVersion);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dropped {ArticleId} from the index while rebuilding it: its stored article could not be read")]
    private partial void LogUnreadableArticle(Exception exception, string? articleId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Indexed {ArticleId}")]
    private partial void LogIndexed(string articleId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deleted {ArticleId} from the index")]
    private partial void LogDeleted(string articleId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Committed {WriteCount} write(s) in {ElapsedMs:0.0} ms")]
    private partial void LogCommitted(long writeCount, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not refresh or commit the Lucene index at {IndexPath}; trying again shortly")]
    private partial void LogMaintenanceFailed(Exception exception, string indexPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed Lucene index at {IndexPath}")]
    private partial void LogClosed(string indexPath);
}
