using Pipeline.Core.Normalization;

namespace Pipeline.Core.Ingestion;

/// <summary>What one try did with a source.</summary>
public enum IngestOutcome
{
    /// <summary>Every article of the source is indexed (written now, or unchanged since an earlier try).</summary>
    Indexed,

    /// <summary>The source cannot be normalized; a rejection is recorded.</summary>
    Rejected,

    /// <summary>The source kept failing on transient faults; it is recorded as parked and no longer retried by the trigger.</summary>
    Parked,

    /// <summary>A newer version of the source is indexed already; this older one was not written over it.</summary>
    Superseded,

    /// <summary>The source blob no longer exists; whatever came from it has been removed.</summary>
    Gone,
}

/// <summary>What happened to one source.</summary>
public sealed record IngestResult
{
    private IngestResult(string blobName, IngestOutcome outcome, IReadOnlyList<string> articleIds, NormalizationErrorCode? rejectedFor, string? message)
    {
        BlobName = blobName;
        Outcome = outcome;
        ArticleIds = articleIds;
        RejectedFor = rejectedFor;
        Message = message;
    }

    public string BlobName { get; }

    public IngestOutcome Outcome { get; }

    /// <summary>Ids of the articles indexed from this source (also when skipped as unchanged); empty otherwise.</summary>
    public IReadOnlyList<string> ArticleIds { get; }

    /// <summary>The rejection reason, or null unless the source was rejected.</summary>
    public NormalizationErrorCode? RejectedFor { get; }

    public string? Message { get; }

    public bool IsRejected => Outcome == IngestOutcome.Rejected;

    public static IngestResult Indexed(string blobName, IReadOnlyList<string> articleIds) => new(blobName, IngestOutcome.Indexed, articleIds, null, null);

    public static IngestResult Rejected(string blobName, NormalizationErrorCode reason, string message) =>
        new(blobName, IngestOutcome.Rejected, [], reason, message);

    public static IngestResult Parked(string blobName, string message) => new(blobName, IngestOutcome.Parked, [], null, message);

    public static IngestResult Superseded(string blobName, string message) => new(blobName, IngestOutcome.Superseded, [], null, message);

    public static IngestResult Gone(string blobName) => new(blobName, IngestOutcome.Gone, [], null, null);
}
