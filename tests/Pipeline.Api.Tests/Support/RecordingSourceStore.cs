using System.Runtime.CompilerServices;
using Pipeline.Core.Ingestion.Sources;
using Pipeline.Core.Normalization;

namespace Pipeline.Api.Tests.Support;

/// <summary>An empty articles container that counts the health probe's reads and can be made to fail like storage that is down.</summary>
internal sealed class RecordingSourceStore : IArticleSourceStore
{
    private int _reads;

    /// <summary>Thrown by every read while set.</summary>
    public Exception? Failure { get; set; }

    public int Reads => _reads;

    public void Reset()
    {
        Failure = null;
        _reads = 0;
    }

    public async IAsyncEnumerable<SourceBlob> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        yield break;
    }

    public Task<SourceBlob?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        return Failure is { } failure ? Task.FromException<SourceBlob?>(failure) : Task.FromResult<SourceBlob?>(null);
    }

    public Task<SourceDocument?> ReadAsync(string name, CancellationToken cancellationToken = default) =>
        GetAsync(name, cancellationToken).ContinueWith(_ => (SourceDocument?)null, TaskScheduler.Default);
}
