using System.Threading.Channels;

namespace Pipeline.LocalHost.Changes;

/// <summary>A blob waiting to be ingested.</summary>
/// <param name="Name">Name inside the articles container.</param>
/// <param name="Length">Its size as a listing or an announcement last gave it, or null when unknown.</param>
public readonly record struct QueuedBlob(string Name, long? Length);

/// <summary>
/// The blob names waiting to be ingested, each at most once: a name queued again before a worker took it up is not
/// queued twice (the worker reads the blob's current version anyway; the latest size seen is kept). A name queued
/// while a worker is on it is queued again, so a version written during an ingest is not missed.
/// </summary>
public sealed class IngestQueue
{
    private readonly Channel<string> _channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly Dictionary<string, long?> _waiting = new(StringComparer.Ordinal);
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
    /// <param name="length">The size the caller saw, which lets the worker skip reading the blob's properties.</param>
    public bool Enqueue(string blobName, long? length = null)
    {
        lock (_gate)
        {
            if (_waiting.TryGetValue(blobName, out var known))
            {
                // The newest sighting wins; an unknown size does not erase a known one of the same wait.
                _waiting[blobName] = length ?? known;
                return false;
            }

            _waiting.Add(blobName, length);
        }

        _channel.Writer.TryWrite(blobName);
        return true;
    }

    /// <summary>Waits for the next blob; its name may be queued again from then on.</summary>
    public async ValueTask<QueuedBlob> TakeAsync(CancellationToken cancellationToken)
    {
        var name = await _channel.Reader.ReadAsync(cancellationToken);
        lock (_gate)
        {
            _waiting.Remove(name, out var length);
            return new QueuedBlob(name, length);
        }
    }
}
