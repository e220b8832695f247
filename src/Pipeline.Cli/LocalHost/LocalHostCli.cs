namespace Pipeline.Cli.LocalHost;

/// <summary>Dispatches the command line to a command.</summary>
public static class LocalHostCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var commandLine = ParsedCommandLine.Parse(args);
        if (commandLine.HelpRequested)
        {
            LocalHostUsage.Write(output);
            return ExitCodes.Success;
        }

        // Ctrl+C while Azurite installs or starts must cancel that; once the host runs, its own lifetime handles Ctrl+C.
        using var startup = new CancellationTokenSource();
        void CancelStartup(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = true;
            startup.Cancel();
        }

        Console.CancelKeyPress += CancelStartup;
        try
        {
            return commandLine.Command switch
            {
                ParsedCommandLine.RunCommand => await new RunCommand(output, error).ExecuteAsync(commandLine, startup.Token),
                ParsedCommandLine.UploadCommand => await new UploadCommand(output, error).ExecuteAsync(commandLine, startup.Token),
                _ => await UnknownCommandAsync(commandLine.Command, error),
            };
        }
        finally
        {
            Console.CancelKeyPress -= CancelStartup;
        }
    }

    private static async Task<int> UnknownCommandAsync(string command, TextWriter error)
    {
        await error.WriteLineAsync($"Unknown command '{command}'. Commands: run (default), upload. See --help.");
        return ExitCodes.Usage;
    }
}
