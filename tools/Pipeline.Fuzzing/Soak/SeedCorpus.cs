namespace Pipeline.Fuzzing.Soak;

/// <summary>The real files mutations start from: every file under the given folders, in a fixed order.</summary>
public sealed class SeedCorpus
{
    private SeedCorpus(IReadOnlyList<SeedFile> files) => Files = files;

    public IReadOnlyList<SeedFile> Files { get; }

    /// <summary>Lists the files under <paramref name="roots"/> (files or folders), sorted by path so runs repeat.</summary>
    /// <exception cref="DirectoryNotFoundException">A root does not exist.</exception>
    public static SeedCorpus Load(IEnumerable<string> roots)
    {
        var files = new List<SeedFile>();
        foreach (var root in roots)
        {
            var full = Path.GetFullPath(root);
            if (File.Exists(full))
            {
                files.Add(new SeedFile(full, Path.GetFileName(full)));
            }
            else if (Directory.Exists(full))
            {
                var parent = Path.GetDirectoryName(full) ?? full;
                files.AddRange(Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
                    .Where(path => !Path.GetFileName(path).StartsWith('.'))
                    .Select(path => new SeedFile(path, Path.GetRelativePath(parent, path).Replace('\\', '/'))));
            }
            else
            {
                throw new DirectoryNotFoundException($"No corpus file or folder at '{root}'.");
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return new SeedCorpus(files);
    }
}

/// <param name="Path">Full path.</param>
/// <param name="RelativePath">Path relative to the folder above the corpus root, with forward slashes ("bbc/tech/001.txt").</param>
public sealed record SeedFile(string Path, string RelativePath)
{
    public byte[] Read() => File.ReadAllBytes(Path);
}
