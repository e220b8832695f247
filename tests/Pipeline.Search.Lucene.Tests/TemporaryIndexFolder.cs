using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Pipeline.Search.Lucene.Tests;

/// <summary>A fresh folder for one test's index, deleted afterwards.</summary>
/// <remarks>
/// Indexes opened here refresh after every write unless the test says otherwise, so a test can search what it just
/// wrote; the contract tests and the tests of batching use the production defaults. Where the machine has a memory-backed
/// <c>/dev/shm</c> the folder goes there, which keeps tests that write dozens of articles fast; the index code is
/// the same either way.
/// </remarks>
internal sealed class TemporaryIndexFolder : IDisposable
{
    private const string MemoryBackedRoot = "/dev/shm";

    public TemporaryIndexFolder()
    {
        Path = Directory.Exists(MemoryBackedRoot)
            ? Directory.CreateDirectory(System.IO.Path.Combine(MemoryBackedRoot, $"pipeline-lucene-{Guid.NewGuid():N}")).FullName
            : Directory.CreateTempSubdirectory("pipeline-lucene-").FullName;
    }

    public string Path { get; }

    public LuceneArticleIndex OpenIndex(ILogger<LuceneArticleIndex>? logger = null, Action<LuceneIndexOptions>? configure = null)
    {
        var options = new LuceneIndexOptions { IndexPath = Path, RefreshInterval = TimeSpan.Zero };
        configure?.Invoke(options);
        return new(Options.Create(options), logger);
    }

    /// <summary>Opens the index with the options a host uses: refreshed about once a second, commits batched.</summary>
    public LuceneArticleIndex OpenIndexWithDefaults(ILogger<LuceneArticleIndex>? logger = null) =>
        new(Options.Create(new LuceneIndexOptions { IndexPath = Path }), logger);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover folder is harmless; failing the test over it would not be.
        }
    }
}
