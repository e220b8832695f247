using Xunit;

namespace Pipeline.Testing;

/// <summary>
/// Locates the repository and the shared test data that sits beside it (<c>../shared</c> from the project root).
/// Tests that need the shared data call <see cref="RequireShared"/> and are skipped, with the path in the reason,
/// when it is absent.
/// </summary>
public static class TestData
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The folder that holds Pipeline.sln.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The shared data folder, whether or not it exists.</summary>
    public static string SharedRoot => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string SeedSamplePath => Path.Combine(SharedRoot, "samples", "ukraine-peace-talks.txt");

    /// <summary>Returns the full path of a file or folder under <c>../shared</c>, or skips the test when it is missing.</summary>
    public static string RequireShared(params string[] relativeParts)
    {
        var path = Path.Combine([SharedRoot, .. relativeParts]);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Assert.Skip($"Shared test data not found at '{path}'. Tests that use real corpora need ../shared beside the repository.");
        }

        return path;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Pipeline.sln not found above '{AppContext.BaseDirectory}'.");
    }
}
