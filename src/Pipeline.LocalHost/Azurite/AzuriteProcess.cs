using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Pipeline.LocalHost.Azurite;

/// <summary>
/// An Azurite process this program started. Disposing it stops Azurite (SIGTERM first, so it saves its data).
/// </summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    private static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly OutputTail _output;

    private AzuriteProcess(Process process, OutputTail output, AzuriteEndpoints endpoints, string location, string version)
    {
        _process = process;
        _output = output;
        Endpoints = endpoints;
        Location = location;
        Version = version;
    }

    /// <summary>Where the services listen; the requested ports until Azurite reports the ones it bound.</summary>
    public AzuriteEndpoints Endpoints { get; private set; }

    /// <summary>A connection string for the running instance, with its actual ports.</summary>
    public string ConnectionString => Endpoints.ConnectionString;

    public string Location { get; }

    public string Version { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => ChildProcess.HasExited(_process);

    /// <summary>Installs Azurite if needed, starts it and waits until blob, queue and table listen.</summary>
    /// <exception cref="AzuriteException">Node.js or npm is missing, the install failed, or Azurite did not come up.</exception>
    public static async Task<AzuriteProcess> StartAsync(AzuriteStartOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var installation = options.Installation ?? AzuriteInstallation.FindFromCurrentDirectory()
            ?? throw new AzuriteException(
                $"No package.json that pins azurite was found above '{Environment.CurrentDirectory}'. " +
                "Run from the repository, or start Azurite yourself and point AzureWebJobsStorage at it.");
        await installation.EnsureInstalledAsync(options.Progress, cancellationToken);

        var location = Path.GetFullPath(options.Location);
        Directory.CreateDirectory(location);
        var requested = options.UseFreePorts
            ? AzuriteEndpoints.OnLoopback(options.Endpoints.Blob.Host, 0, 0, 0)
            : options.Endpoints;

        var output = new OutputTail(40);
        var listening = new ListeningAddresses();
        var process = ChildProcess.Start(
            CreateStartInfo(installation, location, requested),
            "node",
            "Azurite runs on Node.js; install Node.js 20 or later and make sure 'node' is on PATH.");
        process.OutputDataReceived += (_, e) =>
        {
            output.Add(e.Data);
            listening.Observe(e.Data);
        };
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var azurite = new AzuriteProcess(process, output, requested, location, installation.PinnedVersion);
        try
        {
            azurite.Endpoints = await listening.WaitAsync(process, options.StartTimeout, cancellationToken)
                ?? throw new AzuriteException(
                    $"Azurite did not start listening on {Describe(requested)} within {options.StartTimeout.TotalSeconds:0} s " +
                    $"({(azurite.HasExited ? $"it exited with code {process.ExitCode}" : "it is still running")}).{output.Format()}");
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops Azurite and waits for it to exit.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => ChildProcess.StopAsync(_process, StopGracePeriod, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    /// <summary>Azurite's recent output, for diagnostics.</summary>
    public override string ToString() => $"Azurite {Version} (pid {ProcessId}) at {Describe(Endpoints)}, data in {Location}.{_output.Format()}";

    internal static string Describe(AzuriteEndpoints endpoints) =>
        $"blob {endpoints.Blob.Authority}, queue {endpoints.Queue.Authority}, table {endpoints.Table.Authority}";

    private static ProcessStartInfo CreateStartInfo(AzuriteInstallation installation, string location, AzuriteEndpoints endpoints)
    {
        // 'node azurite.js' instead of node_modules/.bin/azurite: the same program, but it needs no shell shim on Windows,
        // and the process we track is Azurite itself, so stopping it needs no process-tree walk.
        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = location,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            installation.EntryScript,
            "--silent", "--skipApiVersionCheck", "--loose",
            // Azurite sends usage telemetry by default; a local dev tool must not phone home.
            "--disableTelemetry",
            "--location", location,
            "--blobHost", endpoints.Blob.Host, "--blobPort", endpoints.Blob.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", endpoints.Queue.Host, "--queuePort", endpoints.Queue.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", endpoints.Table.Host, "--tablePort", endpoints.Table.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    [GeneratedRegex(@"^Azurite (?<service>Blob|Queue|Table) service is successfully listening at (?<url>\S+)")]
    private static partial Regex ListeningLine();

    /// <summary>
    /// Collects the "successfully listening at" lines Azurite prints once per service. They carry the real ports,
    /// which is how free ports (port 0) are learned without a race between picking a port and binding it.
    /// </summary>
    private sealed class ListeningAddresses
    {
        private readonly Dictionary<string, Uri> _services = new(StringComparer.Ordinal);
        private readonly TaskCompletionSource<AzuriteEndpoints> _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Observe(string? line)
        {
            var match = line is null ? null : ListeningLine().Match(line);
            if (match is not { Success: true } || !Uri.TryCreate(match.Groups["url"].Value, UriKind.Absolute, out var url))
            {
                return;
            }

            lock (_services)
            {
                _services[match.Groups["service"].Value] = new UriBuilder(Uri.UriSchemeHttp, url.Host, url.Port).Uri;
                if (_services.Count == 3)
                {
                    _all.TrySetResult(new AzuriteEndpoints(_services["Blob"], _services["Queue"], _services["Table"]));
                }
            }
        }

        /// <returns>The endpoints, or null when the process exited or the timeout passed first.</returns>
        public async Task<AzuriteEndpoints?> WaitAsync(Process process, TimeSpan timeout, CancellationToken cancellationToken)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            var exited = process.WaitForExitAsync(deadline.Token);
            var first = await Task.WhenAny(_all.Task, exited);
            cancellationToken.ThrowIfCancellationRequested();
            if (first == _all.Task)
            {
                return await _all.Task;
            }

            // Exit and the last line can race: give the output reader a moment to deliver the lines it holds.
            await Task.WhenAny(_all.Task, Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None));
            return _all.Task.IsCompletedSuccessfully && !ChildProcess.HasExited(process) ? await _all.Task : null;
        }
    }
}
