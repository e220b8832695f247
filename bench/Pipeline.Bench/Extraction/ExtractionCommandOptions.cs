namespace Pipeline.Bench.Extraction;

/// <param name="SharedDirectory">The shared data folder that holds <c>corpora/</c>.</param>
/// <param name="OutputPath">Where the Markdown report is written.</param>
internal sealed record ExtractionCommandOptions(string SharedDirectory, string OutputPath)
{
    public static bool TryParse(string[] args, out ExtractionCommandOptions options, out string? error)
    {
        var repositoryRoot = FindRepositoryRoot();
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

        // Defaults are relative to the repository, so the command works from any working directory inside it.
        options = new ExtractionCommandOptions(
            Path.GetFullPath(shared ?? Path.Combine(repositoryRoot, "..", "shared")),
            Path.GetFullPath(output ?? Path.Combine(repositoryRoot, "bench", "results", "extraction.md")));
        return error is null;
    }

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Pipeline.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
