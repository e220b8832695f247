namespace Pipeline.Core.Ingestion.Sources;

/// <summary>What storage says about one uploaded blob, without its content.</summary>
/// <param name="Name">Name inside the articles container.</param>
/// <param name="ETag">Current version.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="LastModified">When this version was written; orders two versions of one blob.</param>
/// <param name="ContentType">Declared content type, when any.</param>
/// <param name="ContentMd5">
/// The MD5 of the content, base64, when storage has one (it computes it for a blob written in one request).
/// </param>
public sealed record SourceBlob(
    string Name, string? ETag, long Length, DateTimeOffset? LastModified, string? ContentType = null, string? ContentMd5 = null);
