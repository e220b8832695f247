namespace Pipeline.Core.Ingestion.Resilience;

/// <summary>
/// The token a host hands to the blobs it has in hand: not cancelled while the host runs; cancelled
/// <see cref="IngestOptions.StopGracePeriod"/> after the host starts stopping.
/// </summary>
/// <remarks>
/// A stop lets the blobs in hand finish when storage and the index answer (one blob takes milliseconds to seconds),
/// but not wait on a dependency that is gone: retries and backoff end with the grace period, the try is abandoned
/// without being counted, and the blob stays unfinished for the next start, which ingests it (nothing is lost; a
/// blob saved but not indexed is caught up by the same pass). Cancelling at once instead would abandon healthy work
/// for nothing; never cancelling kept hosts alive for minutes after SIGTERM while storage was down.
/// </remarks>
public sealed class IngestStopSignal : IDisposable
{
    private readonly CancellationTokenSource _source;
    private int _stopping;

    public IngestStopSignal(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _source = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
    }

    /// <summary>Cancelled once the grace period after <see cref="BeginStop"/> has passed.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>True once the host has started stopping.</summary>
    public bool IsStopping => Volatile.Read(ref _stopping) == 1;

    /// <summary>The host is stopping: the blobs in hand get <paramref name="gracePeriod"/> more, then are abandoned.</summary>
    public void BeginStop(TimeSpan gracePeriod)
    {
        if (Interlocked.Exchange(ref _stopping, 1) == 1)
        {
            return;
        }

        if (gracePeriod <= TimeSpan.Zero)
        {
            _source.Cancel();
        }
        else
        {
            _source.CancelAfter(gracePeriod);
        }
    }

    /// <summary>
    /// The grace period a host with <paramref name="shutdownTimeout"/> gives its blobs in hand: the configured one, but
    /// at most half the shutdown timeout, so that the rest of the stop (listeners, index commit) still fits in it.
    /// </summary>
    public static TimeSpan GracePeriodWithin(TimeSpan configured, TimeSpan shutdownTimeout) =>
        shutdownTimeout == Timeout.InfiniteTimeSpan ? configured : TimeSpan.FromTicks(Math.Min(configured.Ticks, shutdownTimeout.Ticks / 2));

    public void Dispose() => _source.Dispose();
}
