namespace Pipeline.Core.Ingestion;

/// <summary>
/// The record kept for an input that did not become an article: one that cannot be normalized, or one that kept
/// failing for a cause outside it (see <see cref="RejectionReasons"/>). The original blob is left untouched.
/// </summary>
/// <param name="BlobName">Name of the source blob inside the articles container.</param>
/// <param name="ETag">Version of the blob that failed, when known.</param>
/// <param name="Reason">Stable reason code: a <c>NormalizationErrorCode</c> as JSON spells it (<c>tooLarge</c>), or one of <see cref="RejectionReasons"/>.</param>
/// <param name="Message">What went wrong, for people.</param>
/// <param name="Attempts">Failed tries of this blob version; a new version starts again at 1.</param>
/// <param name="FirstAttemptAt">When the first failed try of this version happened.</param>
/// <param name="LastAttemptAt">When the latest failed try happened.</param>
public sealed record Rejection(
    string BlobName,
    string? ETag,
    string Reason,
    string Message,
    int Attempts,
    DateTimeOffset FirstAttemptAt,
    DateTimeOffset LastAttemptAt)
{
    /// <summary>True when the cause lies outside the blob (storage or search unavailable), so a later try may succeed unchanged.</summary>
    public bool IsTransient => RejectionReasons.IsTransient(Reason);

    /// <summary>The record of one more failed try: counts on from this one for the same version, starts over for a new one.</summary>
    public Rejection Next(string? etag, string reason, string message, DateTimeOffset at) =>
        string.Equals(ETag, etag, StringComparison.Ordinal)
            ? this with { Reason = reason, Message = message, Attempts = Attempts + 1, LastAttemptAt = at }
            : First(BlobName, etag, reason, message, at);

    public static Rejection First(string blobName, string? etag, string reason, string message, DateTimeOffset at) =>
        new(blobName, etag, reason, message, Attempts: 1, at, at);
}
