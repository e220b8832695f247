namespace Pipeline.Bench;

/// <summary>The options every report-writing command shares, plus the ones it adds (<see cref="Extra"/>).</summary>
/// <param name="SharedDirectory">The shared data folder that holds <c>corpora/</c>.</param>
/// <param name="OutputPath">Where the Markdown report is written.</param>
internal sealed record CommandOptions(string SharedDirectory, string OutputPath, IReadOnlyDictionary<string, string> Extra)
{
    /// <param name="extraOptions">Further <c>--name value</c> options the command accepts.</param>
    public static bool TryParse(string[] args, string defaultReport, out CommandOptions options, out string? error, params string[] extraOptions)
    {
        string? shared = null;
        string? output = null;
        var extra = new Dictionary<string, string>(StringComparer.Ordinal);
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (i + 1 >= args.Length)
            {
                error = $"Unknown or incomplete option '{args[i]}'.";
                break;
            }

            switch (args[i])
            {
                case "--shared":
                    shared = args[++i];
                    break;
                case "--out":
                    output = args[++i];
                    break;
                case var name when extraOptions.Contains(name):
                    extra[name] = args[++i];
                    break;
                default:
                    error = $"Unknown option '{args[i]}'.";
                    i = args.Length;
                    break;
            }
        }

        options = new CommandOptions(
            Path.GetFullPath(shared ?? BenchPaths.DefaultShared),
            Path.GetFullPath(output ?? BenchPaths.Result(defaultReport)),
            extra);
        return error is null;
    }
}
