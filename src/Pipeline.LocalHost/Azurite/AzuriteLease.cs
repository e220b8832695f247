namespace Pipeline.LocalHost.Azurite;

/// <summary>
/// The storage the local host runs against. Disposing it stops Azurite only if this program started it;
/// an Azurite someone else started keeps running.
/// </summary>
public sealed class AzuriteLease : IAsyncDisposable
{
    private AzuriteLease(string description, AzuriteProcess? startedProcess)
    {
        Description = description;
        StartedProcess = startedProcess;
    }

    /// <summary>One line for the console, such as "Azurite 3.37.0 at 127.0.0.1:10000 (started here, data in ...)".</summary>
    public string Description { get; }

    /// <summary>The Azurite this program started, or null when it found storage already running.</summary>
    public AzuriteProcess? StartedProcess { get; }

    internal static AzuriteLease Found(EndpointProbeResult blob)
    {
        // "Azurite-Blob/3.37.0" reads better as "Azurite 3.37.0"; another emulator keeps its own name.
        var server = blob.IsAzurite
            ? blob.Server!.Replace("-Blob", string.Empty, StringComparison.OrdinalIgnoreCase).Replace('/', ' ')
            : $"Storage emulator ({blob.Server})";
        return new($"{server} at {blob.Endpoint.Authority} (already running; left running on exit)", null);
    }

    internal static AzuriteLease Started(AzuriteProcess process) =>
        new($"Azurite {process.Version} at {process.Endpoints.Blob.Authority} (started here, pid {process.ProcessId}, data in {process.Location})", process);

    internal static AzuriteLease NotLocal(string connectionName) =>
        new($"the storage account in '{connectionName}' (not an emulator, nothing to start)", null);

    public async ValueTask DisposeAsync()
    {
        if (StartedProcess is not null)
        {
            await StartedProcess.DisposeAsync();
        }
    }
}
