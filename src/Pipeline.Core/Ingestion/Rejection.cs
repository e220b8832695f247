using Pipeline.Core.Normalization;

namespace Pipeline.Core.Ingestion;

/// <summary>The record kept for an input that could not become an article. The original blob is left untouched.</summary>
public sealed record Rejection(
    string BlobName,
    string? ETag,
    NormalizationErrorCode Reason,
    string Message,
    int Attempts,
    DateTimeOffset RejectedAt);
