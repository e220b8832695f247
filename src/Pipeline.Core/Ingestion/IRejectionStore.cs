namespace Pipeline.Core.Ingestion;

/// <summary>Where inputs that could not be normalized are recorded (blob storage: <c>rejected/{blob name}.json</c>).</summary>
public interface IRejectionStore
{
    Task RecordAsync(Rejection rejection, CancellationToken cancellationToken = default);

    /// <summary>Forgets an earlier rejection of this blob, after it has been ingested successfully.</summary>
    Task ClearAsync(string blobName, CancellationToken cancellationToken = default);
}
