using System.Threading.Channels;
using Pipeline.Core.Normalization;

namespace Pipeline.LocalHost.Changes;

/// <summary>A blob waiting to be ingested.</summary>
/// <param name="Name">Name inside the articles container.</param>
/// <param name="Length">Its size as a listing or an announcement last gave it, or null when unknown.</param>
/// <param name="Content">
/// The version <c>upload</c> wrote, handed over with its announcement so that ingest need not read it back from
/// storage; null when the blob is to be read.
/// </param>
public readonly record struct QueuedBlob(string Name, long? Length, SourceDocument? Content = null);

/// <summary>
/// The blob names waiting to be ingested, each at most once: a name queued again before a worker took it up is not
/// queued twice (the worker reads the blob's current version anyway; the latest size seen is kept). A name queued
/// while a worker is on it is queued again, so a version written during an ingest is not missed.
/// </summary>
/// <remarks>
/// Handed-over content is held only up to <see cref="MaxHeldContentBytes"/> in all: past that a burst of uploads queues
/// names, and their blobs are read when their turn comes, so memory stays bounded however far ingest falls behind.
/// </remarks>
public sealed class IngestQueue
{
    /// <summary>Bytes of handed-over content held at once, across the queued blobs (64 MiB).</summary>
    public long MaxHeldContentBytes { get; init; } = 64L * 1024 * 1024;

    private readonly Channel<string> _channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly Dictionary<string, (long? Length, SourceDocument? Content)> _waiting = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _heldBytes;

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
    public bool Enqueue(string blobName, long? length = null) => Enqueue(blobName, length, content: null);

    /// <summary>
    /// Queues a blob with the content <c>upload</c> announced for it, which the worker ingests without reading the
    /// blob (and then checks against it). The content is dropped, and the blob read instead, when too much is held.
    /// </summary>
    public bool Enqueue(SourceDocument content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Enqueue(content.Name, content.Content.Length, content);
    }

    private bool Enqueue(string blobName, long? length, SourceDocument? content)
    {
        lock (_gate)
        {
            if (content is not null && _heldBytes + content.Content.Length > MaxHeldContentBytes)
            {
                content = null;
            }

            if (_waiting.TryGetValue(blobName, out var known))
            {
                // The newest sighting wins; an unknown size does not erase a known one of the same wait. Announced content
                // stays until newer content replaces it: the worker checks it against the blob afterwards, so a version
                // written since (which a listing may be reporting here) is still ingested.
                var kept = content ?? known.Content;
                Hold(known.Content, kept);
                _waiting[blobName] = (length ?? known.Length, kept);
                return false;
            }

            Hold(null, content);
            _waiting.Add(blobName, (length, content));
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
            _waiting.Remove(name, out var waiting);
            Hold(waiting.Content, null);
            return new QueuedBlob(name, waiting.Length, waiting.Content);
        }
    }

    // Called under the gate.
    private void Hold(SourceDocument? released, SourceDocument? held)
    {
        if (!ReferenceEquals(released, held))
        {
            _heldBytes += (held?.Content.Length ?? 0) - (released?.Content.Length ?? 0);
        }
    }
}
