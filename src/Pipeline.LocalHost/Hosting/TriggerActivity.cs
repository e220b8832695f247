namespace Pipeline.LocalHost.Hosting;

/// <summary>
/// Whether the blob trigger is busy, and since when it has been quiet: catch-up passes wait for a quiet trigger, so
/// that they take up only the blobs the trigger is not going to deliver soon.
/// </summary>
public sealed class TriggerActivity(TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private int _running;
    private long _started;
    private DateTimeOffset _lastChange = timeProvider.GetUtcNow();

    /// <summary>Marks one invocation as running until the returned scope is disposed.</summary>
    public IDisposable Begin()
    {
        lock (_gate)
        {
            _running++;
            _started++;
            _lastChange = timeProvider.GetUtcNow();
        }

        return new Invocation(this);
    }

    /// <summary>Invocations started since the host started; tells whether the trigger has worked since a given moment.</summary>
    public long Started
    {
        get
        {
            lock (_gate)
            {
                return _started;
            }
        }
    }

    /// <summary>How long no invocation has been running; zero while one is.</summary>
    public TimeSpan QuietFor
    {
        get
        {
            lock (_gate)
            {
                return _running > 0 ? TimeSpan.Zero : timeProvider.GetUtcNow() - _lastChange;
            }
        }
    }

    private void End()
    {
        lock (_gate)
        {
            _running--;
            _lastChange = timeProvider.GetUtcNow();
        }
    }

    private sealed class Invocation(TriggerActivity activity) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                activity.End();
            }
        }
    }
}
