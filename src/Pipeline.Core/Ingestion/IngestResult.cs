using Pipeline.Core.Normalization;

namespace Pipeline.Core.Ingestion;

/// <summary>What happened to one source.</summary>
public sealed record IngestResult
{
    private IngestResult(string blobName, IReadOnlyList<string> articleIds, NormalizationErrorCode? rejectedFor, string? message)
    {
        BlobName = blobName;
        ArticleIds = articleIds;
        RejectedFor = rejectedFor;
        Message = message;
    }

    public string BlobName { get; }

    /// <summary>Ids of the articles indexed from this source; empty when rejected.</summary>
    public IReadOnlyList<string> ArticleIds { get; }

    /// <summary>The rejection reason, or null when the source was indexed.</summary>
    public NormalizationErrorCode? RejectedFor { get; }

    public string? Message { get; }

    public bool IsRejected => RejectedFor is not null;

    public static IngestResult Indexed(string blobName, IReadOnlyList<string> articleIds) => new(blobName, articleIds, null, null);

    public static IngestResult Rejected(string blobName, NormalizationErrorCode reason, string message) => new(blobName, [], reason, message);
}
