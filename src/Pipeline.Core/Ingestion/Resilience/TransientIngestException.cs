namespace Pipeline.Core.Ingestion.Resilience;

/// <summary>
/// A try failed on a transient fault and the blob has not been parked yet: thrown to the trigger so that it delivers the
/// blob again later. The fault itself is the inner exception.
/// </summary>
public sealed class TransientIngestException : Exception
{
    public TransientIngestException(string blobName, int attempts, Exception innerException)
        : base($"Ingesting '{blobName}' failed on a transient fault (attempt {attempts}): {innerException?.Message}", innerException)
    {
        BlobName = blobName;
        Attempts = attempts;
    }

    public string BlobName { get; }

    public int Attempts { get; }
}
