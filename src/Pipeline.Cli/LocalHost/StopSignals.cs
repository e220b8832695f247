using System.Runtime.InteropServices;

namespace Pipeline.Cli.LocalHost;

/// <summary>
/// SIGTERM and SIGINT (Ctrl+C) for <c>run</c>, on top of the host's own handling of them: the first asks to stop and
/// arms a deadline of the host's shutdown timeout, after which the process ends whatever is still running; a second
/// signal ends it at once. Without this, a host waiting on storage that is gone outlived its stop by minutes, and
/// further signals were swallowed by the host's handler.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly PosixSignalRegistration[] _registrations;
    private readonly TextWriter _error;
    private int _signals;

    public StopSignals(TextWriter error)
    {
        _error = error;
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal)];
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>How long a stop may take once asked for: the running host's shutdown timeout.</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(30);

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stopping.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _signals) > 1)
        {
            _error.WriteLine($"{context.Signal} again: ending now; unfinished blobs are ingested at the next start.");
            _error.Flush();
            Environment.Exit(ExitCodes.Failed);
        }

        // The host's own handler stops it gracefully; this one bounds how long that may take.
        context.Cancel = true;
        var deadline = Deadline;
        _ = Task.Run(async () =>
        {
            await Task.Delay(deadline);
            await _error.WriteLineAsync(
                $"The host did not stop within its shutdown timeout ({deadline.TotalSeconds:0} s); ending now. Unfinished blobs are ingested at the next start.");
            await _error.FlushAsync();
            Environment.Exit(ExitCodes.Failed);
        });
        _stopping.Cancel();
    }
}
