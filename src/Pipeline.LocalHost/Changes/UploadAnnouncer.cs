using System.Text;

namespace Pipeline.LocalHost.Changes;

/// <summary>
/// Gathers the blobs an upload writes and announces them on the <see cref="UploadQueue"/> a few at a time: a message
/// goes out when <see cref="Delay"/> has passed since the first blob it holds, or when it is full. One message per
/// blob would cost Azurite a send, a receive and a delete for every upload; a burst of uploads now costs a few.
/// </summary>
/// <remarks>Thread-safe: parallel uploads add to the same announcer. Dispose sends what is still gathered.</remarks>
public sealed class UploadAnnouncer : IAsyncDisposable
{
    /// <summary>How long the first blob of a message waits for others: short next to the time ingest takes.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(50);

    private readonly UploadQueue _queue;
    private readonly Lock _gate = new();
    private readonly List<Task> _sends = [];
    private List<AnnouncedBlob> _gathered = [];
    private int _gatheredBytes;
    private Task? _timer;

    public UploadAnnouncer(UploadQueue queue) => _queue = queue ?? throw new ArgumentNullException(nameof(queue));

    /// <summary>Blobs whose announcement could not be sent (the host finds them by listing instead).</summary>
    public int Unannounced { get; private set; }

    public void Add(string blobName, long length)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);

        // JSON escapes can make a name up to six times longer; a rough bound keeps each message within its limit.
        var bytes = (Encoding.UTF8.GetByteCount(blobName) * 6) + 40;
        lock (_gate)
        {
            if (_gatheredBytes + bytes > UploadQueue.MaxMessageBytes)
            {
                SendGathered();
            }

            _gathered.Add(new AnnouncedBlob(blobName, length));
            _gatheredBytes += bytes;
            _timer ??= SendLaterAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task[] pending;
        lock (_gate)
        {
            SendGathered();
            pending = [.. _sends];
        }

        await Task.WhenAll(pending);
        if (_timer is { } timer)
        {
            await timer;
        }
    }

    private async Task SendLaterAsync()
    {
        await Task.Delay(Delay);
        lock (_gate)
        {
            _timer = null;
            SendGathered();
        }
    }

    // Called under the gate.
    private void SendGathered()
    {
        if (_gathered.Count == 0)
        {
            return;
        }

        var batch = _gathered;
        _gathered = [];
        _gatheredBytes = 0;
        _sends.RemoveAll(send => send.IsCompleted);
        _sends.Add(SendAsync(batch));
    }

    private async Task SendAsync(List<AnnouncedBlob> batch)
    {
        if (!await _queue.TryAnnounceAsync(batch, CancellationToken.None))
        {
            lock (_gate)
            {
                Unannounced += batch.Count;
            }
        }
    }
}
