namespace Pipeline.Bench.Extraction;

/// <param name="SharedDirectory">The shared data folder that holds <c>corpora/</c>.</param>
/// <param name="OutputPath">Where the Markdown report is written.</param>
internal sealed record ExtractionCommandOptions(string SharedDirectory, string OutputPath)
{
    public static bool TryParse(string[] args, out ExtractionCommandOptions options, out string? error)
    {
        string? shared = null;
        string? output = null;
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--shared" when i + 1 < args.Length:
                    shared = args[++i];
                    break;
                case "--out" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                default:
                    error = $"Unknown or incomplete option '{args[i]}'. Usage: extraction [--shared <dir>] [--out <file.md>]";
                    break;
            }
        }

        options = new ExtractionCommandOptions(
            Path.GetFullPath(shared ?? BenchPaths.DefaultShared),
            Path.GetFullPath(output ?? BenchPaths.Result("extraction.md")));
        return error is null;
    }
}
