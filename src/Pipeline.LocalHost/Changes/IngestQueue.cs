using System.Threading.Channels;

namespace Pipeline.LocalHost.Changes;

/// <summary>
/// The blob names waiting to be ingested, each at most once: a name queued again before a worker took it up is not
/// queued twice (the worker reads the blob's current version anyway). A name queued while a worker is on it is queued
/// again, so a version written during an ingest is not missed.
/// </summary>
public sealed class IngestQueue
{
    private readonly Channel<string> _channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly HashSet<string> _waiting = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Names queued and not yet taken by a worker.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>Queues the name unless it is waiting already; returns whether it was queued.</summary>
    public bool Enqueue(string blobName)
    {
        lock (_gate)
        {
            if (!_waiting.Add(blobName))
            {
                return false;
            }
        }

        _channel.Writer.TryWrite(blobName);
        return true;
    }

    /// <summary>Waits for the next name; it may be queued again from then on.</summary>
    public async ValueTask<string> TakeAsync(CancellationToken cancellationToken)
    {
        var name = await _channel.Reader.ReadAsync(cancellationToken);
        lock (_gate)
        {
            _waiting.Remove(name);
        }

        return name;
    }
}
