namespace Pipeline.Cli.Redrive;

/// <summary>The <c>redrive</c> command line: which records, whether to change anything, and configuration switches.</summary>
internal sealed record RedriveArguments(string? Reason, bool All, bool DryRun, bool HelpRequested, IReadOnlyList<string> Switches, string? Problem)
{
    public static RedriveArguments Parse(IReadOnlyList<string> args)
    {
        string? reason = null;
        bool all = false, dryRun = false, help = false;
        var switches = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help" or "-?":
                    help = true;
                    break;
                case "--all":
                    all = true;
                    break;
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--reason" when i + 1 < args.Count:
                    reason = args[++i];
                    break;
                case "--reason":
                    return Fail("--reason needs a code, e.g. --reason Parked.");
                case var arg when arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal):
                    // --Key=value configuration switches, as the local host takes them.
                    switches.Add(arg);
                    break;
                case var arg:
                    return Fail($"unknown argument '{arg}'.");
            }
        }

        if (help)
        {
            return new RedriveArguments(reason, all, dryRun, true, switches, null);
        }

        return (reason, all) switch
        {
            (null, false) => Fail("say which records: --all, or --reason CODE."),
            (not null, true) => Fail("--all and --reason exclude each other."),
            _ => new RedriveArguments(reason, all, dryRun, false, switches, null),
        };

        static RedriveArguments Fail(string problem) => new(null, false, false, false, [], problem);
    }
}
