using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Pipeline.Search.Lucene;

/// <summary>
/// Merging once writes stop. Lucene's merge policy keeps a growing index at about ten segments per size tier (21 at
/// 100,000 articles), which suits ingest; a search, though, looks each word up in every segment, so an index at rest
/// answers faster from a handful.
/// </summary>
public sealed partial class LuceneArticleIndex
{
    private readonly TimeSpan _idleMergeAfter;
    private readonly int _idleMergeSegments;
    private long _lastWriteTimestamp = Stopwatch.GetTimestamp();
    private int _idleSinceLastWriteHandled;
    private Task _idleMerge = Task.CompletedTask;

    /// <summary>The number of segments a search goes through now.</summary>
    public int SegmentCount => WithSearcher(searcher => searcher.IndexReader.Leaves.Count);

    /// <summary>
    /// Merges the index into <see cref="LuceneIndexOptions.IdleMergeSegments"/> segments when it has more, then makes
    /// the result searchable and commits it. The index does this by itself once it has had no writes for
    /// <see cref="LuceneIndexOptions.IdleMergeAfter"/>; writes may go on meanwhile.
    /// </summary>
    public async Task MergeSegmentsAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var before = SegmentCount;
        if (before <= _idleMergeSegments)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var writer = _writer;
        await Task.Run(() => writer.ForceMerge(_idleMergeSegments, doWait: true), cancellationToken);
        await RefreshAsync(cancellationToken);
        await CommitAsync(cancellationToken);
        LogMerged(before, SegmentCount, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>Notes a write, so that the next quiet spell may merge again.</summary>
    private void NoteWrite()
    {
        Interlocked.Exchange(ref _lastWriteTimestamp, Stopwatch.GetTimestamp());
        Volatile.Write(ref _idleSinceLastWriteHandled, 0);
    }

    /// <summary>Starts a merge in the background when the index has been quiet long enough and has many more segments than wanted.</summary>
    private void MaybeMergeWhileIdle(CancellationToken stopping)
    {
        if (_idleMergeAfter == TimeSpan.Zero
            || !_idleMerge.IsCompleted
            || Volatile.Read(ref _idleSinceLastWriteHandled) != 0
            || Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastWriteTimestamp)) < _idleMergeAfter)
        {
            return;
        }

        Volatile.Write(ref _idleSinceLastWriteHandled, 1);
        // Twice as many as wanted, so that a trickle of single uploads merges now and then rather than after each one.
        if (SegmentCount > 2 * _idleMergeSegments)
        {
            _idleMerge = MergeWhileIdleAsync(stopping);
        }
    }

    private async Task MergeWhileIdleAsync(CancellationToken stopping)
    {
        try
        {
            await MergeSegmentsAsync(stopping);
        }
        catch (Exception) when (stopping.IsCancellationRequested || Volatile.Read(ref _disposed) != 0)
        {
            // The index is closing: the merge was abandoned, and the segments stay as they were, which loses nothing.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A merge that fails (no room for the merged segment, say) leaves the segments as they were.
            LogIdleMergeFailed(ex, IndexPath);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Merged the index's {SegmentsBefore} segments into {SegmentsAfter} in {ElapsedSeconds:0.0} s while no articles arrived")]
    private partial void LogMerged(int segmentsBefore, int segmentsAfter, double elapsedSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not merge the segments of the Lucene index at {IndexPath}; they stay as they are and are merged at the next quiet spell")]
    private partial void LogIdleMergeFailed(Exception exception, string indexPath);
}
