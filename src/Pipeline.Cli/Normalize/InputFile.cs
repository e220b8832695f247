namespace Pipeline.Cli.Normalize;

/// <summary>One file to normalize.</summary>
/// <param name="DisplayPath">The path as the user gave it (joined with the relative path inside a folder): the output's <c>source</c>.</param>
/// <param name="FullPath">Where to read it.</param>
/// <param name="BlobName">The name ingest would see: the file name, or the path relative to the folder given.</param>
public sealed record InputFile(string DisplayPath, string FullPath, string BlobName)
{
    /// <summary>
    /// Expands files and folders into input files: a file as itself, a folder as every file below it (hidden ones
    /// skipped) in ordinal order of relative path, so runs are repeatable. Inputs keep the order they were given in.
    /// </summary>
    /// <param name="missing">Paths that are neither a file nor a folder.</param>
    public static IReadOnlyList<InputFile> Expand(IEnumerable<string> paths, out IReadOnlyList<string> missing)
    {
        var files = new List<InputFile>();
        var notFound = new List<string>();
        foreach (var path in paths)
        {
            var fullPath = Path.GetFullPath(path);
            if (File.Exists(fullPath))
            {
                files.Add(new InputFile(path, fullPath, Path.GetFileName(fullPath)));
            }
            else if (Directory.Exists(fullPath))
            {
                files.AddRange(Directory.EnumerateFiles(fullPath, "*", new EnumerationOptions
                {
                    RecurseSubdirectories = true,
                    AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
                })
                    .Select(file => Path.GetRelativePath(fullPath, file))
                    .Order(StringComparer.Ordinal)
                    .Select(relative => new InputFile(Path.Combine(path, relative), Path.Combine(fullPath, relative), relative.Replace(Path.DirectorySeparatorChar, '/'))));
            }
            else
            {
                notFound.Add(path);
            }
        }

        missing = notFound;
        return files;
    }
}
