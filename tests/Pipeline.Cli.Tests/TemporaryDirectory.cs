using System.Text;

namespace Pipeline.Cli.Tests;

/// <summary>A folder of input files for one test, deleted afterwards.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = Directory.CreateTempSubdirectory("pipeline-cli-").FullName;
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="content"/> (UTF-8) to <paramref name="relativePath"/>, creating folders; returns the full path.</summary>
    public string Write(string relativePath, string content) => Write(relativePath, Encoding.UTF8.GetBytes(content));

    public string Write(string relativePath, byte[] content)
    {
        var path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
