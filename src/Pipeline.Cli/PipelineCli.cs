using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Cli.LocalHost;
using Pipeline.Cli.Normalize;
using Pipeline.Cli.Redrive;
using Pipeline.Cli.Soak;
using Pipeline.Core;

namespace Pipeline.Cli;

/// <summary>Dispatches the command line to a command, with the same Core services ingest uses.</summary>
public static class PipelineCli
{
    public const string NormalizeCommandName = "normalize";
    public const string SoakCommandName = "soak";

    public const string RedriveCommandName = "redrive";

    /// <summary>True for the local host's commands (<c>run</c>, <c>upload</c>), which handle Ctrl+C themselves.</summary>
    public static bool IsLocalHostCommand(IReadOnlyList<string> args) =>
        args is [var command, ..] &&
        (command.Equals(ParsedCommandLine.RunCommand, StringComparison.OrdinalIgnoreCase) ||
         command.Equals(ParsedCommandLine.UploadCommand, StringComparison.OrdinalIgnoreCase));

    private static readonly HashSet<string> HelpSwitches = new(StringComparer.OrdinalIgnoreCase) { "-h", "--help", "-?", "help" };

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0)
        {
            PipelineUsage.Write(error);
            return ExitCodes.Usage;
        }

        if (HelpSwitches.Contains(args[0]))
        {
            PipelineUsage.Write(output);
            return ExitCodes.Success;
        }

        if (IsLocalHostCommand(args))
        {
            return await LocalHostCli.RunAsync([.. args], output, error);
        }

        if (args[0].Equals(RedriveCommandName, StringComparison.OrdinalIgnoreCase))
        {
            return await new RedriveCommand(output, error).ExecuteAsync([.. args.Skip(1)], cancellationToken);
        }

        if (args[0].Equals(SoakCommandName, StringComparison.OrdinalIgnoreCase))
        {
            // The soak builds its own ingest path around a temporary index; it needs none of the preview's services.
            return await new SoakCommand(output, error).ExecuteAsync(args.Skip(1).ToList(), cancellationToken);
        }

        if (!args[0].Equals(NormalizeCommandName, StringComparison.OrdinalIgnoreCase))
        {
            await error.WriteLineAsync($"Unknown command '{args[0]}'. Commands: {ParsedCommandLine.RunCommand}, {ParsedCommandLine.UploadCommand}, {NormalizeCommandName}, {RedriveCommandName}, {SoakCommandName}. See --help.");
            return ExitCodes.Usage;
        }

        await using var services = CreateServices();
        var command = ActivatorUtilities.CreateInstance<NormalizeCommand>(services, output, error);
        return await command.ExecuteAsync(args.Skip(1).ToList(), cancellationToken);
    }

    private static ServiceProvider CreateServices() =>
        new ServiceCollection()
            .AddPipelineCore()
            // Standard output carries only JSON Lines, so anything worth logging goes to standard error.
            .AddLogging(logging => logging
                .SetMinimumLevel(LogLevel.Warning)
                .AddSimpleConsole(console => console.SingleLine = true)
                .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace))
            .BuildServiceProvider();
}
