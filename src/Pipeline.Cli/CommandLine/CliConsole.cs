using Spectre.Console;

namespace Pipeline.Cli.CommandLine;

/// <summary>
/// Where a command writes: data (tables, JSON) to standard output, progress and summaries of long runs to standard
/// error, so <c>pipeline ... --json | jq</c> sees data only. Colours and live progress only on a terminal.
/// </summary>
internal sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error)
    {
        Output = output;
        Error = error;
        Out = Create(output);
        Err = Create(error);
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>Standard output, for tables.</summary>
    public IAnsiConsole Out { get; }

    /// <summary>Standard error, for progress bars.</summary>
    public IAnsiConsole Err { get; }

    private static IAnsiConsole Create(TextWriter writer)
    {
        var terminal = (ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected) ||
                       (ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected);
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
        });
    }
}
