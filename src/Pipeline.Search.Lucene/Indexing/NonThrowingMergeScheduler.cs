using Lucene.Net.Index;
using Microsoft.Extensions.Logging;

namespace Pipeline.Search.Lucene.Indexing;

/// <summary>
/// Lucene's concurrent merge scheduler, except that a merge that fails (no space left for the merged segment, say) is
/// logged instead of rethrown on the merge thread: in .NET an exception escaping a thread ends the process, and a
/// failed merge loses nothing (the segments it would have merged stay as they are and are merged again later).
/// </summary>
internal sealed partial class NonThrowingMergeScheduler(ILogger logger, string indexPath) : ConcurrentMergeScheduler
{
    protected override void HandleMergeException(Exception exc) => LogMergeFailed(exc, indexPath);

    [LoggerMessage(Level = LogLevel.Error, Message = "A background merge of the Lucene index at {IndexPath} failed; its segments stay as they are and are merged later")]
    private partial void LogMergeFailed(Exception exception, string indexPath);
}
