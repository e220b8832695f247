namespace Pipeline.LocalHost.Hosting;

/// <summary>Settings of the local host itself. Bound from <c>Pipeline:LocalHost</c>.</summary>
public sealed class LocalHostOptions
{
    public const string SectionName = "Pipeline:LocalHost";

    /// <summary>Where the HTTP API listens unless <c>--urls</c> (or <c>ASPNETCORE_URLS</c>) says otherwise; the Functions host's port.</summary>
    public const string DefaultUrl = "http://localhost:7071";

    /// <summary>
    /// The WebJobs host id. Blob receipts, which stop a blob from being processed twice, are stored under it. The SDK's
    /// default id changes with the assembly version, and a new id means every blob is ingested again, so it is pinned.
    /// </summary>
    public string HostId { get; set; } = "pipeline-local";

    /// <summary>Tries per blob before the trigger gives up and moves it to the <c>webjobs-blobtrigger-poison</c> queue.</summary>
    public int PoisonBlobThreshold { get; set; } = 5;

    /// <summary>
    /// How long the blob trigger must have been idle, after start-up or after work, before the host itself finishes
    /// the blobs written before that which are still neither indexed nor rejected: a stopped or killed host, or storage
    /// going away, leaves those behind queue messages the trigger hands out again only after about ten minutes.
    /// Negative turns catch-up passes off.
    /// </summary>
    public TimeSpan CatchUpAfterQuiet { get; set; } = TimeSpan.FromSeconds(20);
}
