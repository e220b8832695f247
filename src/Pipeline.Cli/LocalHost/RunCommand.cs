using Pipeline.LocalHost.Azurite;
using Pipeline.LocalHost.Hosting;

namespace Pipeline.Cli.LocalHost;

/// <summary>
/// <c>run</c>: starts the local pipeline and keeps it running until Ctrl+C or SIGTERM, starting it again when it asks
/// for a restart (<see cref="HostRestartRequest"/>).
/// </summary>
public sealed class RunCommand(TextWriter output, TextWriter error)
{
    private const int MaxRestarts = 5;
    private static readonly TimeSpan RestartWindow = TimeSpan.FromMinutes(10);

    public async Task<int> ExecuteAsync(ParsedCommandLine commandLine, CancellationToken cancellationToken)
    {
        if (commandLine.Operands.Count > 0)
        {
            await error.WriteLineAsync($"run: unexpected argument '{commandLine.Operands[0]}'. Did you mean '{PipelineUsage.RunHint} upload {commandLine.Operands[0]}'?");
            return ExitCodes.Usage;
        }

        LocalPipelineHost host;
        try
        {
            host = await LocalPipelineHost.StartAsync(new LocalHostStartOptions { Args = commandLine.Switches }, cancellationToken);
        }
        catch (AzuriteException ex)
        {
            await error.WriteLineAsync($"Storage is not available: {ex.Message}");
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Cancelled before the host started.");
            return ExitCodes.Failed;
        }

        var restarts = new RestartBudget(MaxRestarts, RestartWindow, TimeProvider.System);
        try
        {
            await WriteBannerAsync(host);
            while (true)
            {
                await host.WaitForShutdownAsync(CancellationToken.None);
                if (host.RestartReason is not { } reason || cancellationToken.IsCancellationRequested)
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
                host = await host.RestartAsync(cancellationToken);
                await output.WriteLineAsync("The host is running again.");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Cancelled while the host was restarting.");
        }
        finally
        {
            await host.DisposeAsync();
        }

        return ExitCodes.Success;
    }

    private async Task WriteBannerAsync(LocalPipelineHost host)
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
              Upload   {PipelineUsage.RunHint} upload <file-or-folder>...
            Press Ctrl+C to stop.

            """);
    }
}
