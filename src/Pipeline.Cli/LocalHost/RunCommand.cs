using System.CommandLine;
using Pipeline.Cli.CommandLine;
using Pipeline.LocalHost.Azurite;
using Pipeline.LocalHost.Hosting;

namespace Pipeline.Cli.LocalHost;

/// <summary>
/// <c>run</c>: starts the local pipeline and keeps it running until Ctrl+C or SIGTERM, starting it again when it asks
/// for a restart (<see cref="HostRestartRequest"/>).
/// </summary>
internal static class RunCommand
{
    private const int MaxRestarts = 5;
    private static readonly TimeSpan RestartWindow = TimeSpan.FromMinutes(10);

    private const string Settings = $$"""
        Settings (local.settings.json at the repository root, else local.settings.sample.json, in the Functions format
        { "Values": { ... } }; then environment variables; then --Key=value switches, with ':' or '__' between sections;
        relative paths are resolved against the repository root):
          AzureWebJobsStorage                         Storage connection string (the sample: UseDevelopmentStorage=true,
                                                      Azurite on 127.0.0.1:10000-10002).
          Pipeline__Storage__ArticlesContainer        Container ingest watches (articles).
          Pipeline__Storage__NormalizedContainer      Container for normalized JSON (normalized).
          Pipeline__Storage__RejectedContainer        Container for rejection records (rejected).
          Pipeline__Search__Backend                   Search backend (Lucene).
          Pipeline__Lucene__IndexPath                 Index folder (.data/index).
          Pipeline__LocalHost__Changes__MinScanInterval      Shortest time between listings of the articles container,
                                                      which find uploads by other clients (00:00:02).
          Pipeline__LocalHost__Changes__ScanIntervalPerBlob  Time between listings per blob in the container
                                                      (00:00:00.010: every 10 s at 1,000 blobs).
          Pipeline__LocalHost__Changes__MaxScanInterval      Longest time between listings (00:20:00).
          Pipeline__LocalHost__Changes__UploadQueue          Queue on which `upload` announces its blobs, ingested at
                                                      once (<articles container>-uploads).
          Pipeline__LocalHost__Azurite__AutoStart     Start Azurite when nothing answers (true).
          Pipeline__LocalHost__Azurite__Location      Azurite's data folder (.data/azurite).
          Pipeline__LocalHost__Azurite__StartTimeout  How long to wait for Azurite to listen (00:00:30).
          Logging__LogLevel__Default                  Log level (Information); Azure is quieted to Error, Function and
                                                      Host.* to Warning unless set, e.g. Logging__LogLevel__Function=Information.
        """;

    public static Command Create(CliConsole console)
    {
        var urls = new Option<string?>("--urls")
        {
            Description = $"Where the API and the page listen (default {LocalHostOptions.DefaultUrl}).",
            HelpName = "url",
        };
        var command = new Command(
            "run",
            "Run the pipeline locally: use the storage emulator at the configured endpoints, or install (first run, with npm) " +
            "and start the repository's pinned Azurite there; create the containers; ingest every new or changed blob in the " +
            "articles container; serve the HTTP API and the search page until Ctrl+C. Restarts the host if ingest fails for " +
            "good (storage restarted under it). Stops Azurite on exit if it started it.")
        {
            urls,
        }.AcceptingConfigurationSwitches()
        .WithNotes(Settings)
        .WithExamples(
            "pipeline run",
            "pipeline run --urls http://127.0.0.1:5080",
            "pipeline run --Pipeline:Lucene:IndexPath=/tmp/index",
            "curl 'http://localhost:7071/api/search?q=ceasefire'");

        command.SetAction(async (parsed, cancellationToken) =>
        {
            var switches = ConfigurationSwitches.Of(parsed);
            var args = parsed.GetValue(urls) is { } url ? ["--urls", url, .. switches] : switches;
            return await RunAsync(args, console.Output, console.Error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var signals = new StopSignals(error);
        LocalPipelineHost host;
        try
        {
            host = await LocalPipelineHost.StartAsync(new LocalHostStartOptions { Args = args }, cancellationToken);
            signals.Deadline = host.ShutdownTimeout;
        }
        catch (AzuriteException ex)
        {
            throw new ServiceUnavailableException($"storage is not available: {ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            await error.WriteLineAsync($"The host cannot start: {ex.Message}");
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Cancelled before the host started.");
            return ExitCodes.Interrupted;
        }

        // Once the host runs, Ctrl+C and SIGTERM reach its own lifetime, which stops it gracefully; StopSignals bounds
        // how long that may take.
        var restarts = new RestartBudget(MaxRestarts, RestartWindow, TimeProvider.System);
        try
        {
            await WriteBannerAsync(host, output);
            while (true)
            {
                await host.WaitForShutdownAsync(CancellationToken.None);
                if (host.RestartReason is not { } reason || cancellationToken.IsCancellationRequested || signals.Stopping.IsCancellationRequested)
                {
                    break;
                }

                // The Functions platform restarts a failed host; locally this loop does.
                if (!restarts.TryTake())
                {
                    await error.WriteLineAsync(
                        $"The host failed {restarts.MaxRestarts + 1} times within {restarts.Window.TotalMinutes:0} minutes; giving up. Last failure: {reason}");
                    return ExitCodes.Failed;
                }

                await error.WriteLineAsync($"Restarting the host: {reason}");
                using var restartCancelled = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, signals.Stopping);
                host = await host.RestartAsync(restartCancelled.Token);
                await output.WriteLineAsync("The host is running again.");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested || signals.Stopping.IsCancellationRequested)
        {
            await error.WriteLineAsync("Stopped while the host was restarting.");
        }
        finally
        {
            await host.DisposeAsync();
        }

        return ExitCodes.Success;
    }

    private static async Task WriteBannerAsync(LocalPipelineHost host, TextWriter output)
    {
        var api = host.Urls.Count > 0 ? host.Urls[0].ToString().TrimEnd('/') : "(no HTTP address)";
        var containers = host.Containers;
        await output.WriteLineAsync($"""

            Pipeline local host is running.
              Storage  {host.StorageDescription}
              Watching container '{containers.Articles}' (normalized JSON in '{containers.Normalized}', rejections in '{containers.Rejected}')
              Index    {host.IndexDescription}
              API      {string.Join(", ", host.Urls.Select(url => url.ToString().TrimEnd('/')))}
                       {api}/api/search?q=ceasefire   {api}/api/articles/{"{id}"}   {api}/api/health
              Upload   {PipelineCli.RunHint} upload <files|folders> [--wait]
              Search   {PipelineCli.RunHint} search <query> --api {api}
            Press Ctrl+C to stop.

            """);
    }
}
