namespace Pipeline.LocalHost.Changes;

/// <summary>How the local host notices new, changed and deleted blobs. Bound from <c>Pipeline:LocalHost:Changes</c>.</summary>
public sealed class ChangeDetectionOptions
{
    public const string SectionName = "Pipeline:LocalHost:Changes";

    /// <summary>
    /// Shortest time between two listings of the articles container: the delay with which an upload by another client
    /// (Azure CLI, Storage Explorer, the SDK) is noticed while the container is small.
    /// </summary>
    public TimeSpan MinScanInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Longest time between two listings, however large the container; also bounds how late a delete is noticed.
    /// </summary>
    public TimeSpan MaxScanInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The share of time the host may spend listing the container: after a listing that took <c>t</c>, the next waits
    /// <c>t / ScanBudget</c> (within the two intervals). Listing is what storage pays for, per blob, on every pass, so a
    /// container of 100,000 blobs is listed every few minutes instead of every two seconds. Uploads through
    /// <c>upload</c> do not wait for a listing: they are announced on <see cref="UploadQueue"/>.
    /// </summary>
    public double ScanBudget { get; set; } = 0.02;

    /// <summary>
    /// Storage queue on which <c>upload</c> announces each blob it wrote, so that it is ingested at once. Empty: the
    /// articles container's name followed by <c>-uploads</c>.
    /// </summary>
    public string? UploadQueue { get; set; }

    /// <summary>How often the upload queue is read while it is empty; it is read again at once while messages come.</summary>
    public TimeSpan UploadQueuePollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}
