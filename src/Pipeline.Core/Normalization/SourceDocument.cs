namespace Pipeline.Core.Normalization;

/// <summary>Raw input handed to normalization: the bytes of one uploaded blob plus what storage says about it.</summary>
/// <param name="Name">Blob name (or file path for previews); also a format hint through its extension.</param>
/// <param name="Content">The raw bytes, undecoded.</param>
/// <param name="ContentType">Declared content type, a hint only.</param>
/// <param name="ETag">Version of the blob these bytes came from.</param>
/// <param name="LastModified">When that version was written; ingest never replaces an article with one from an older version.</param>
public sealed record SourceDocument(
    string Name, ReadOnlyMemory<byte> Content, string? ContentType = null, string? ETag = null, DateTimeOffset? LastModified = null);
