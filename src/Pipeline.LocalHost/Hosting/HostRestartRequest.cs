namespace Pipeline.LocalHost.Hosting;

/// <summary>
/// Lets a part of the host that can no longer recover by itself ask for a fresh host: the host stops as on Ctrl+C,
/// and the <c>run</c> command starts it again instead of exiting.
/// </summary>
public sealed class HostRestartRequest(IHostApplicationLifetime lifetime)
{
    private string? _reason;

    /// <summary>Why a restart was asked for, or null when the host stopped (or is running) for any other reason.</summary>
    public string? Reason => Volatile.Read(ref _reason);

    public void Request(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        if (Interlocked.CompareExchange(ref _reason, reason, null) is null)
        {
            lifetime.StopApplication();
        }
    }
}
