namespace Pipeline.Core.Ingestion;

/// <summary>Where inputs that did not become articles are recorded (blob storage: <c>rejected/{blob name}.json</c>).</summary>
public interface IRejectionStore
{
    /// <summary>Writes the record for its blob, replacing any earlier one.</summary>
    Task RecordAsync(Rejection rejection, CancellationToken cancellationToken = default);

    /// <summary>The record for this blob, or null.</summary>
    Task<Rejection?> GetAsync(string blobName, CancellationToken cancellationToken = default);

    /// <summary>Every record, in no particular order.</summary>
    IAsyncEnumerable<Rejection> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Forgets the record of this blob, after it has been ingested or deleted.</summary>
    Task ClearAsync(string blobName, CancellationToken cancellationToken = default);
}
