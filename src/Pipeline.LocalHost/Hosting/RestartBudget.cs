namespace Pipeline.LocalHost.Hosting;

/// <summary>
/// How many restarts the <c>run</c> command allows in a sliding window before it gives up: a host that fails again
/// as soon as it is back has a problem a restart does not fix, and restarting it forever would only hide that.
/// </summary>
public sealed class RestartBudget(int maxRestarts, TimeSpan window, TimeProvider timeProvider)
{
    private readonly Queue<DateTimeOffset> _restarts = new();

    public int MaxRestarts => maxRestarts;

    public TimeSpan Window => window;

    /// <summary>Counts a restart that is about to happen; false when it would be one too many within the window.</summary>
    public bool TryTake()
    {
        var now = timeProvider.GetUtcNow();
        while (_restarts.Count > 0 && now - _restarts.Peek() >= window)
        {
            _restarts.Dequeue();
        }

        if (_restarts.Count >= maxRestarts)
        {
            return false;
        }

        _restarts.Enqueue(now);
        return true;
    }
}
