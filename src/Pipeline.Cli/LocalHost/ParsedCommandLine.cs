namespace Pipeline.Cli.LocalHost;

/// <summary>
/// A command line split into the command, its operands (file names) and configuration switches. Only switches reach
/// the configuration system: its parser would read an absolute path such as <c>/data/a.txt</c> as a <c>/key</c>.
/// </summary>
public sealed record ParsedCommandLine(string Command, IReadOnlyList<string> Operands, IReadOnlyList<string> Switches, bool HelpRequested)
{
    public const string RunCommand = "run";
    public const string UploadCommand = "upload";
    public const string HelpCommand = "help";

    private static readonly HashSet<string> HelpSwitches = new(StringComparer.OrdinalIgnoreCase) { "-h", "--help", "-?", "/?" };

    public static ParsedCommandLine Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var command = RunCommand;
        var start = 0;
        if (args.Count > 0 && !args[0].StartsWith('-') && !HelpSwitches.Contains(args[0]))
        {
            command = args[0].ToLowerInvariant();
            start = 1;
        }

        var operands = new List<string>();
        var switches = new List<string>();
        var help = command == HelpCommand;
        var operandsOnly = false;
        for (var i = start; i < args.Count; i++)
        {
            var arg = args[i];
            if (operandsOnly)
            {
                operands.Add(arg);
            }
            else if (HelpSwitches.Contains(arg))
            {
                help = true;
            }
            else if (arg == "--")
            {
                operandsOnly = true;
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                switches.Add(arg);
                // "--key value": the value belongs to the switch, not to the operands.
                if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    switches.Add(args[++i]);
                }
            }
            else
            {
                operands.Add(arg);
            }
        }

        return new ParsedCommandLine(command, operands, switches, help);
    }
}
