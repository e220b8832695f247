using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Articles;
using Pipeline.Search.Lucene.Analysis;
using Pipeline.Search.Lucene.Indexing;
using Pipeline.Search.Lucene.Querying;

namespace Pipeline.Search.Lucene;

/// <summary>
/// What the index does when its writer fails: the disk is full or gone for a moment, or Lucene closed the writer on an
/// error it cannot recover from. Searches go on from the last searcher; writes fail with an <see cref="IOException"/>
/// (transient, so ingest tries the blob again later) until the writer can be reopened from the last commit, with the
/// writes acknowledged since then made again (<see cref="UncommittedWrites"/>), so none of them is lost.
/// </summary>
public sealed partial class LuceneArticleIndex
{
    // Set when a write, commit or refresh failed in a way that leaves the writer's state in doubt; cleared by a reopen.
    private volatile bool _writerFailed;

    /// <summary>Records a write the writer accepted: read-your-writes until the next refresh, and replayed after a failure until the next commit.</summary>
    private void Wrote(string id, Article? article)
    {
        _pending.Wrote(id, article);
        _uncommitted.Wrote(id, article);
    }

    private IndexWriter OpenWriter()
    {
        var writer = new IndexWriter(_directory, new IndexWriterConfig(ArticleAnalyzer.Version, _indexAnalyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = new BM25Similarity(),
            MergeScheduler = new NonThrowingMergeScheduler(_logger, IndexPath),
        });
        writer.SetCommitData(IndexSchema.UserData);
        return writer;
    }

    /// <summary>
    /// Faults of the disk or of the writer itself, as opposed to bad arguments: I/O errors, a writer that closed itself or
    /// refuses to commit (Lucene's IllegalStateException), and an out-of-memory error inside the writer, after which
    /// Lucene never commits that writer again.
    /// </summary>
    private bool IsWriterFault(Exception exception) =>
        Volatile.Read(ref _disposed) == 0 && exception is IOException or InvalidOperationException or OutOfMemoryException;

    /// <summary>Marks the writer for a reopen and says so in an exception ingest treats as transient.</summary>
    private IOException WriterFailed(Exception exception)
    {
        _writerFailed = true;
        LogWriterFailed(exception, IndexPath);
        return exception as IOException
            ?? new IOException($"The search index writer at '{IndexPath}' failed ({exception.Message}); it is reopened on the next write.", exception);
    }

    private async Task RecoverWriterAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            if (_writerFailed)
            {
                RecoverWriter();
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Rolls the failed writer back to the last commit, opens a new one, makes the uncommitted writes again and commits
    /// them, then searches move to the new writer. The caller holds the write gate. Throws an <see cref="IOException"/>
    /// while the disk still refuses, leaving the writer marked failed for the next try.
    /// </summary>
    private void RecoverWriter()
    {
        _commitGate.Wait();
        try
        {
            try
            {
                _writer.Rollback();
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException)
            {
                // Closed already, or could not delete its unfinished files: its uncommitted state is discarded either way.
            }

            var (writes, upTo) = _uncommitted.Snapshot();
            IndexWriter? writer = null;
            try
            {
                writer = OpenWriter();
                foreach (var (id, article) in writes)
                {
                    if (article is null)
                    {
                        writer.DeleteDocuments(ArticleDocumentBuilder.IdTerm(id));
                    }
                    else
                    {
                        writer.UpdateDocument(ArticleDocumentBuilder.IdTerm(id), ArticleDocumentBuilder.Build(article));
                    }
                }

                writer.Commit();
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or OutOfMemoryException)
            {
                try
                {
                    writer?.Rollback();
                }
                catch (Exception rollback) when (rollback is IOException or InvalidOperationException)
                {
                    // Nothing more to undo.
                }

                LogRecoveryFailed(ex, IndexPath);
                throw new IOException($"The search index at '{IndexPath}' cannot be written yet: {ex.Message}", ex);
            }

            var previous = _searchers;
            Volatile.Write(ref _searchers, new SearcherManager(writer, applyAllDeletes: true, new ArticleSearcher.Factory(_rankedPageCacheSize)));
            _writer = writer;

            // Searches in flight keep the searcher they hold until they release it.
            previous.Dispose();
            _uncommitted.Committed(upTo);
            Interlocked.Exchange(ref _uncommittedWrites, 0);
            Interlocked.Exchange(ref _lastCommitTimestamp, System.Diagnostics.Stopwatch.GetTimestamp());
            _writerFailed = false;
            LogWriterRecovered(IndexPath, writes.Count);
        }
        finally
        {
            _commitGate.Release();
        }
    }

    /// <summary>On close: commits what is pending and closes the writer; a writer that cannot commit is reopened first.</summary>
    private void CommitAndCloseWriter()
    {
        try
        {
            if (_writerFailed)
            {
                _commitGate.Release();
                try
                {
                    RecoverWriter();
                }
                finally
                {
                    _commitGate.Wait();
                }
            }

            _writer.Commit();
            // Everything is committed; a merge still running (an idle merge of a large index takes seconds) is
            // abandoned rather than waited for, so closing stays quick.
            _writer.Dispose(waitForMerges: false);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            // The writes not committed are not lost: their blobs are re-ingested by the next start's catch-up pass.
            LogCloseFailed(ex, IndexPath, _uncommitted.Count);
            try
            {
                _writer.Rollback();
            }
            catch (Exception rollback) when (rollback is IOException or InvalidOperationException)
            {
                // Closed already.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing to the Lucene index at {IndexPath} failed; the writer is reopened from its last commit and the writes since then made again")]
    private partial void LogWriterFailed(Exception exception, string indexPath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Lucene index at {IndexPath} cannot be written yet; trying again on the next write or in a moment")]
    private partial void LogRecoveryFailed(Exception exception, string indexPath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reopened the writer of the Lucene index at {IndexPath}; made {WriteCount} uncommitted write(s) again")]
    private partial void LogWriterRecovered(string indexPath, int writeCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not commit the Lucene index at {IndexPath} on close; {WriteCount} write(s) are ingested again from their blobs at the next start")]
    private partial void LogCloseFailed(Exception exception, string indexPath, int writeCount);
}
