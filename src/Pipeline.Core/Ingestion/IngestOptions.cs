namespace Pipeline.Core.Ingestion;

/// <summary>How ingestion retries, parks, limits and reconciles. Bound from <c>Pipeline:Ingest</c>.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Pipeline:Ingest";

    /// <summary>
    /// Failed tries of one blob version before it is parked. Each delivery by the trigger (and each re-drive) is one
    /// try; a parked blob is no longer thrown back to the trigger, so it never holds up the blobs behind it.
    /// </summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Retries of one storage or index call inside a try, on a transient fault, before the try fails.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Delay before the first retry; each further retry doubles it, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a stopping host lets the blobs in hand finish before abandoning them for the next start (at most half
    /// the host's shutdown timeout). Zero abandons them at once.
    /// </summary>
    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Blobs ingested at the same time by one host (the trigger's batch, a re-drive, a reconcile pass).</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>
    /// Time between reconcile passes (removing articles whose blob is gone, re-driving parked blobs once the index
    /// answers again). Zero runs one pass at start-up only.
    /// </summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Local host: time between reconcile passes per blob the last pass listed, when that is longer than
    /// <see cref="ReconcileInterval"/>. A pass lists the articles, normalized and rejected containers, which storage
    /// pays for per blob (the emulator about 31 s of CPU at 100,000 blobs); 50 ms per blob reconciles a large container
    /// every 83 minutes instead of every 5, so that a host at rest stays at rest. The change detector finds uploads
    /// and deletes in between.
    /// </summary>
    public TimeSpan ReconcileIntervalPerBlob { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// How old a blob with neither an article nor a rejection must be before a reconcile pass ingests it itself;
    /// younger ones are left to the trigger, which is probably on them already.
    /// </summary>
    public TimeSpan ReconcileGracePeriod { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Largest blob read, in bytes. Checked before downloading; larger blobs are rejected as <c>TooLarge</c>.</summary>
    public long MaxBlobBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Longest article body accepted, in characters; longer ones are rejected as <c>TooLarge</c>.</summary>
    public int MaxTextLength { get; set; } = 2_000_000;
}
