using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Pipeline.Bench.Drills;

/// <summary>
/// The local host as users run it, <c>pipeline run</c>, in its own process: the drills reach it only through storage,
/// HTTP and signals, so they hold whatever ingest trigger the host uses.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(3);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _tail = new();
    private readonly StreamWriter _log;

    private HostProcess(Process process, Uri address, StreamWriter log)
    {
        _process = process;
        _log = log;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    public string OutputTail => string.Join(Environment.NewLine, _tail);

    /// <summary>Starts <c>pipeline run</c> in <paramref name="dataFolder"/> against <paramref name="connectionString"/> and waits until its API answers.</summary>
    public static async Task<HostProcess> StartAsync(
        string connectionString, string dataFolder, int port, int shutdownTimeoutSeconds, string logPath, CancellationToken cancellationToken)
    {
        var hostDll = HostAssembly();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = dataFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { hostDll, "run", "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AzureWebJobsStorage"] = connectionString;
        start.Environment["Pipeline__Lucene__IndexPath"] = Path.Combine(dataFolder, "index");
        start.Environment["Pipeline__LocalHost__Azurite__AutoStart"] = "false";
        start.Environment["shutdownTimeoutSeconds"] = shutdownTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{hostDll}'.");
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}"), log);
        process.OutputDataReceived += (_, e) => host.Observe(e.Data);
        process.ErrorDataReceived += (_, e) => host.Observe(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilAnsweringAsync(cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The <c>pipeline</c> tool as its own build left it (with its own dependencies and runtime configuration), in the
    /// configuration the bench runs in; the ProjectReference builds it first.
    /// </summary>
    private static string HostAssembly()
    {
        var bench = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = bench.Name;
        var configuration = bench.Parent?.Name ?? "Release";
        var path = Path.Combine(BenchPaths.RepositoryRoot, "src", "Pipeline.Cli", "bin", configuration, framework, "pipeline.dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"'{path}' not found; build src/Pipeline.Cli in {configuration} first (building the bench does).", path);
    }

    /// <summary>SIGTERM, then waits up to <paramref name="limit"/>; returns whether it ended and how long it took.</summary>
    public async Task<(bool Exited, TimeSpan Took, int? ExitCode)> TerminateAsync(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        if (Kill(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"Could not send SIGTERM to {_process.Id}: error {Marshal.GetLastPInvokeError()}.");
        }

        using var wait = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return (true, clock.Elapsed, _process.ExitCode);
        }
        catch (OperationCanceledException) when (wait.IsCancellationRequested)
        {
            return (false, clock.Elapsed, null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        await _log.DisposeAsync();
    }

    private void Observe(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.WriteLine(line);
        }

        _tail.Enqueue(line);
        while (_tail.Count > 30)
        {
            _tail.TryDequeue(out _);
        }
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {_process.ExitCode} while starting:{Environment.NewLine}{OutputTail}");
            }

            try
            {
                using var response = await http.GetAsync("/api/health", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > StartLimit)
            {
                throw new TimeoutException($"The host did not answer within {StartLimit.TotalSeconds:0} s:{Environment.NewLine}{OutputTail}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    // DllImport rather than LibraryImport: the signature is blittable, and it spares the project unsafe code.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
