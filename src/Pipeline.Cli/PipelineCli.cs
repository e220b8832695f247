using System.CommandLine;
using System.CommandLine.Invocation;
using Microsoft.Extensions.Options;
using Pipeline.Cli.CommandLine;
using Pipeline.Cli.LocalHost;
using Pipeline.Cli.Normalize;
using Pipeline.Cli.Query;
using Pipeline.Cli.Reindex;
using Pipeline.Cli.Rejected;
using Pipeline.Cli.Soak;
using Pipeline.Cli.Status;
using Pipeline.Cli.Upload;

namespace Pipeline.Cli;

/// <summary>The <c>pipeline</c> command line: one root command, one subcommand per task, one set of exit codes.</summary>
public static class PipelineCli
{
    /// <summary>How the README and messages spell a call of the tool from a clone of the repository.</summary>
    public const string RunHint = "dotnet run -c Release --project src/Pipeline.Cli --";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var console = new CliConsole(output, error);
        var root = CreateRootCommand(console);
        var parsed = root.Parse([.. args]);
        if (args.Count == 0)
        {
            // No command: the overview, on standard error since nothing was asked for.
            await HelpWithExamples.WriteAsync(parsed, error);
            return ExitCodes.Usage;
        }

        if (parsed.Action is ParseErrorAction)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }

            await error.WriteLineAsync($"See '{CommandPath(parsed.CommandResult.Command)} --help'.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parsed.InvokeAsync(
                new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false },
                cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Interrupted.");
            return ExitCodes.Interrupted;
        }
        catch (CommandUsageException ex)
        {
            await error.WriteLineAsync($"{CommandPath(parsed.CommandResult.Command)}: {ex.Message}");
            await error.WriteLineAsync($"See '{CommandPath(parsed.CommandResult.Command)} --help'.");
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (SettingFailures(ex) is { } failures)
        {
            foreach (var failure in failures)
            {
                await error.WriteLineAsync($"{CommandPath(parsed.CommandResult.Command)}: {failure}");
            }

            return ExitCodes.Usage;
        }
        catch (ServiceUnavailableException ex)
        {
            await error.WriteLineAsync($"{CommandPath(parsed.CommandResult.Command)}: {ex.Message}");
            return ExitCodes.Unavailable;
        }
    }

    internal static RootCommand CreateRootCommand(CliConsole console)
    {
        var root = new RootCommand(
            "pipeline: run the content pipeline locally, upload articles to it and follow them, search and read them, " +
            "see what was indexed and rejected, re-drive rejections, rebuild the index, preview normalization, soak ingest.")
        {
            RunCommand.Create(console),
            UploadCommand.Create(console),
            SearchCommand.Create(console),
            ShowCommand.Create(console),
            RelatedCommand.Create(console),
            StatusCommand.Create(console),
            RejectedCommand.Create(console),
            ReindexCommand.Create(console),
            NormalizeCommand.Create(console),
            SoakCommand.Create(console),
        };
        root.WithNotes($"""
            From a clone of the repository, 'pipeline' is: {RunHint}
            (e.g. alias pipeline='{RunHint}'). Commands that read storage (upload, status, rejected, reindex) use Azurite by
            default and an Azure storage account with --account-url; search, show and related ask the pipeline API (the
            running host, or --api). 'pipeline <command> --help' shows each command's options and examples.
            """).WithExamples(
            "pipeline run",
            "pipeline upload samples --wait",
            "pipeline search ceasefire",
            "pipeline status");
        HelpWithExamples.Install(root);
        return root;
    }

    /// <summary>The settings a start-up check refused, each naming its key, or null for any other exception.</summary>
    private static IReadOnlyList<string>? SettingFailures(Exception exception) => exception switch
    {
        OptionsValidationException refused => [.. refused.Failures],
        AggregateException all when all.InnerExceptions.All(inner => inner is OptionsValidationException) =>
            [.. all.InnerExceptions.Cast<OptionsValidationException>().SelectMany(refused => refused.Failures)],
        _ => null,
    };

    private static string CommandPath(Command command) =>
        command is RootCommand ? "pipeline" : $"{CommandPath(command.Parents.OfType<Command>().First())} {command.Name}";
}
