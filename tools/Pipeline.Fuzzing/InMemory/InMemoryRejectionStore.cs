using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Pipeline.Core.Ingestion;

namespace Pipeline.Fuzzing.InMemory;

/// <summary>The rejection records in memory, safe for concurrent ingests: for one-process tools and tests.</summary>
public sealed class InMemoryRejectionStore : IRejectionStore
{
    public ConcurrentDictionary<string, Rejection> Rejections { get; } = new(StringComparer.Ordinal);

    public Task RecordAsync(Rejection rejection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        Rejections[rejection.BlobName] = rejection;
        return Task.CompletedTask;
    }

    public Task<Rejection?> GetAsync(string blobName, CancellationToken cancellationToken = default) =>
        Task.FromResult(Rejections.GetValueOrDefault(blobName));

    public async IAsyncEnumerable<Rejection> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var rejection in Rejections.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return rejection;
        }
    }

    public Task ClearAsync(string blobName, CancellationToken cancellationToken = default)
    {
        Rejections.TryRemove(blobName, out _);
        return Task.CompletedTask;
    }
}
