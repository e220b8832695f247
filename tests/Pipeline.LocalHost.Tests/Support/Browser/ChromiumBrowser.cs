using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Pipeline.LocalHost.Tests.Support.Browser;

/// <summary>
/// A headless Chromium (the distribution's package, <c>/usr/bin/chromium</c>) with a fresh profile, driven over the
/// DevTools protocol. Tests that need it are skipped, naming the path, when it is not installed.
/// </summary>
public sealed partial class ChromiumBrowser : IAsyncDisposable
{
    /// <summary>Where the browser is looked for; <c>CHROMIUM_PATH</c> overrides it.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly TemporaryDirectory _profile;

    private ChromiumBrowser(Process process, TemporaryDirectory profile, Uri devTools)
    {
        _process = process;
        _profile = profile;
        DevTools = devTools;
    }

    /// <summary>The DevTools HTTP endpoint (<c>http://127.0.0.1:port</c>).</summary>
    public Uri DevTools { get; }

    public static async Task<ChromiumBrowser> StartAsync(CancellationToken cancellationToken)
    {
        Assert.SkipUnless(File.Exists(ExecutablePath), $"Chromium is not installed at {ExecutablePath} (Debian: apt-get install chromium; or set CHROMIUM_PATH).");

        var profile = new TemporaryDirectory("chromium");
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
            "--hide-scrollbars", "--mute-audio", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
            $"--user-data-dir={profile.Path}", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {ExecutablePath}.");
        var endpoint = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                endpoint.TrySetException(new InvalidOperationException("Chromium exited before it opened DevTools:\n" + string.Join('\n', output)));
                return;
            }

            output.Enqueue(e.Data);
            if (DevToolsLine().Match(e.Data) is { Success: true } match)
            {
                endpoint.TrySetResult(new Uri($"http://127.0.0.1:{match.Groups["port"].Value}"));
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        try
        {
            var devTools = await endpoint.Task.WaitAsync(StartLimit, cancellationToken);
            return new ChromiumBrowser(process, profile, devTools);
        }
        catch
        {
            Stop(process);
            profile.Dispose();
            throw;
        }
    }

    /// <summary>The first page (tab) the browser opened, connected.</summary>
    public async Task<CdpPage> OpenPageAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = DevTools };
        var targets = await http.GetFromJsonAsync<JsonArray>("/json/list", cancellationToken)
            ?? throw new InvalidOperationException("DevTools listed no targets.");
        var page = targets.FirstOrDefault(t => (string?)t!["type"] == "page")
            ?? throw new InvalidOperationException("Chromium has no page open.");
        return await CdpPage.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        Stop(_process);
        _process.Dispose();
        _profile.Dispose();
        return ValueTask.CompletedTask;
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited in between.
        }
    }

    [GeneratedRegex(@"DevTools listening on ws://[^:]+:(?<port>\d+)/")]
    private static partial Regex DevToolsLine();
}
