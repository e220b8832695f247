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
    public TimeSpan MaxScanInterval { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>
    /// Time between listings per blob in the container (within the two intervals). Storage pays for a listing per blob
    /// listed (Azurite 100–155 µs of CPU each, the more the larger the container: 15.5 s for 100,000), so a container
    /// twice as large is listed half as often: 10 ms per blob keeps listing at about 1.5 % of one core, every 10 s at
    /// 1,000 blobs, every 17 minutes at 100,000, instead of every 2 s whatever the size. The count, not the time a listing took, sets the pace, so that a busy machine does
    /// not stretch it. Uploads through <c>upload</c> do not wait for a listing: they are announced on <see cref="UploadQueue"/>.
    /// </summary>
    public TimeSpan ScanIntervalPerBlob { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Storage queue on which <c>upload</c> announces each blob it wrote, so that it is ingested at once. Empty: the
    /// articles container's name followed by <c>-uploads</c>.
    /// </summary>
    public string? UploadQueue { get; set; }

    /// <summary>How often the upload queue is read while it is empty; it is read again at once while messages come.</summary>
    public TimeSpan UploadQueuePollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}
