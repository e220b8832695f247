using System.Text.Json.Serialization;

namespace Pipeline.Core.Ingestion.Status;

/// <summary>What ingest made of the current version of one uploaded blob.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UploadOutcome>))]
public enum UploadOutcome
{
    /// <summary>The index holds the blob's article(s), from this upload or an earlier one with the same name.</summary>
    [JsonStringEnumMemberName("indexed")]
    Indexed,

    /// <summary>A rejection record names this version: it could not become an article, or it was parked.</summary>
    [JsonStringEnumMemberName("rejected")]
    Rejected,

    /// <summary>Neither yet: ingest has not finished this upload.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,
}

/// <summary>One uploaded blob and its outcome, as storage and the index hold them.</summary>
/// <param name="BlobName">Name inside the articles container.</param>
/// <param name="ETag">Current version of the blob.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="LastModified">When this version was uploaded.</param>
/// <param name="Outcome">What ingest made of this version.</param>
public sealed record UploadStatus(string BlobName, string? ETag, long Length, DateTimeOffset? LastModified, UploadOutcome Outcome)
{
    /// <summary>The id of the blob's first article, when <see cref="UploadOutcome.Indexed"/>.</summary>
    public string? ArticleId { get; init; }

    /// <summary>The title of the blob's first article, when <see cref="UploadOutcome.Indexed"/>.</summary>
    public string? Title { get; init; }

    /// <summary>The rejection's reason code, when <see cref="UploadOutcome.Rejected"/>.</summary>
    public string? Reason { get; init; }

    /// <summary>The rejection's message; otherwise what else is known (an article from an earlier upload).</summary>
    public string? Message { get; init; }

    /// <summary>Failed tries of this version, when <see cref="UploadOutcome.Rejected"/>.</summary>
    public int? Attempts { get; init; }

    /// <summary>When the latest failed try happened, when <see cref="UploadOutcome.Rejected"/>.</summary>
    public DateTimeOffset? RejectedAt { get; init; }
}
