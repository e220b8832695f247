namespace Pipeline.Bench;

/// <summary>Default locations, relative to the repository so commands work from any working directory inside it.</summary>
internal static class BenchPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The shared data folder that holds <c>corpora/</c>, next to the repository.</summary>
    public static string DefaultShared => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string Result(string fileName) => Path.GetFullPath(Path.Combine(RepositoryRoot, "bench", "results", fileName));

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
