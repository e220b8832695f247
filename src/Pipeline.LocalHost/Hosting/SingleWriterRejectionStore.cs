using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Pipeline.Core.Ingestion;
using Pipeline.Storage;

namespace Pipeline.LocalHost.Hosting;

/// <summary>
/// The rejection records, as the local host keeps them: it is their only writer while it runs (the embedded index has
/// one writer, and <c>pipeline rejected retry</c> needs the host stopped), so once it has listed them at start it knows
/// which blobs have one. Clearing the record of a blob that has none, which every ingested blob does, then costs no
/// request, and neither does asking for it.
/// </summary>
internal sealed class SingleWriterRejectionStore(BlobRejectionStore records) : IRejectionStore
{
    private readonly ConcurrentDictionary<string, byte> _recorded = new(StringComparer.Ordinal);
    private volatile bool _listed;

    public async Task RecordAsync(Rejection rejection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rejection);

        // Known before it is written: a failed write leaves at worst a name that costs one needless request.
        _recorded[rejection.BlobName] = 0;
        await records.RecordAsync(rejection, cancellationToken);
    }

    public Task<Rejection?> GetAsync(string blobName, CancellationToken cancellationToken = default) =>
        _listed && !_recorded.ContainsKey(blobName)
            ? Task.FromResult<Rejection?>(null)
            : records.GetAsync(blobName, cancellationToken);

    public async IAsyncEnumerable<Rejection> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var rejection in records.ListAsync(cancellationToken))
        {
            _recorded[rejection.BlobName] = 0;
            yield return rejection;
        }

        _listed = true;
    }

    public async Task ClearAsync(string blobName, CancellationToken cancellationToken = default)
    {
        if (_listed && !_recorded.ContainsKey(blobName))
        {
            return;
        }

        await records.ClearAsync(blobName, cancellationToken);
        _recorded.TryRemove(blobName, out _);
    }
}
