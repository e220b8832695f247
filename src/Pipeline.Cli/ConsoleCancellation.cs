namespace Pipeline.Cli;

/// <summary>Turns Ctrl+C into cancellation, so a long run stops between files and still prints its summary.</summary>
internal sealed class ConsoleCancellation : IDisposable
{
    private readonly CancellationTokenSource _source = new();

    private ConsoleCancellation()
    {
        Console.CancelKeyPress += OnCancelKeyPress;
    }

    public CancellationToken Token => _source.Token;

    public static ConsoleCancellation Start() => new();

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _source.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        // The first Ctrl+C asks to stop; a second one ends the process as usual.
        e.Cancel = !_source.IsCancellationRequested;
        _source.Cancel();
    }
}
