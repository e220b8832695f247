using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using Pipeline.Api;
using Pipeline.Core.Serialization;

namespace Pipeline.LocalHost.Tests.Support;

/// <summary>
/// The local host as its own process (<c>pipeline run</c>), so that a test can kill it the way a crash or
/// an out-of-memory kill does: SIGKILL, no shutdown code run. Settings reach it as environment variables.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    private const int SigTerm = 15;

    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private int _restarts;

    private LocalHostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public HttpClient Http { get; }

    public int ProcessId => _process.Id;

    /// <summary>How often the host has restarted itself (the <c>run</c> command reports each restart).</summary>
    public int Restarts => Volatile.Read(ref _restarts);

    /// <summary>The last lines the host wrote, for failure messages.</summary>
    public string OutputTail => string.Join(Environment.NewLine, _output.TakeLast(40));

    /// <summary>Starts the host on <paramref name="port"/> with <paramref name="scope"/>'s settings and waits until its API answers.</summary>
    public static Task<LocalHostProcess> StartAsync(string connectionString, LocalHostScope scope, int port, CancellationToken cancellationToken) =>
        StartAsync(connectionString, scope, port, new Dictionary<string, string>(), cancellationToken);

    /// <summary>As above, with <paramref name="extraSettings"/> on top of the scope's (environment variables, <c>:</c> as <c>__</c>).</summary>
    public static async Task<LocalHostProcess> StartAsync(
        string connectionString, LocalHostScope scope, int port, IReadOnlyDictionary<string, string> extraSettings, CancellationToken cancellationToken)
    {
        var hostDll = Path.Combine(AppContext.BaseDirectory, "pipeline.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = scope.DataPath,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(hostDll);
        start.ArgumentList.Add("run");
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (key, value) in scope.Settings(connectionString).Where(s => s.Key != "urls"))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in extraSettings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{hostDll}'.");
        var host = new LocalHostProcess(process, new Uri($"http://127.0.0.1:{port}"));
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

    /// <summary>The number of articles the index holds, from <c>GET /api/health</c>.</summary>
    public async Task<long> IndexedCountAsync(CancellationToken cancellationToken)
    {
        var health = await Http.GetFromJsonAsync<HealthResponse>("/api/health", PipelineJson.Options, cancellationToken);
        return health?.Articles ?? 0;
    }

    /// <summary>SIGKILL: the process ends at once, with writes, commits and blob receipts wherever they were.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>
    /// SIGTERM, as a service manager or <c>docker stop</c> sends it, then waits up to <paramref name="limit"/> for the
    /// process to end. Returns true when it ended (its exit code is then in <see cref="ExitCode"/>), false when it is still running.
    /// </summary>
    public async Task<bool> TerminateAsync(TimeSpan limit)
    {
        if (Kill(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"Could not send SIGTERM to {_process.Id}: error {Marshal.GetLastWin32Error()}.");
        }

        using var wait = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException) when (wait.IsCancellationRequested)
        {
            return false;
        }
    }

    public int ExitCode => _process.ExitCode;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private void Observe(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith("Restarting the host:", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _restarts);
        }

        _output.Enqueue(line);
        while (_output.Count > 200)
        {
            _output.TryDequeue(out _);
        }
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The local host exited with {_process.ExitCode} while starting:{Environment.NewLine}{OutputTail}");
            }

            try
            {
                using var response = await Http.GetAsync("/api/health", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > StartLimit)
            {
                throw new TimeoutException($"The local host did not answer within {StartLimit.TotalSeconds:0} s:{Environment.NewLine}{OutputTail}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    // DllImport rather than LibraryImport: the signature is blittable, and it spares the project unsafe code.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
