namespace Pipeline.Core.Articles;

/// <param name="BlobName">Name of the source blob inside the articles container.</param>
/// <param name="ETag">ETag of the blob version that was normalized, when known.</param>
/// <param name="ContentType">Content type the uploader declared, when known.</param>
/// <param name="LastModified">When that blob version was written, when known; orders two versions of one blob.</param>
public sealed record ArticleOrigin(string BlobName, string? ETag = null, string? ContentType = null, DateTimeOffset? LastModified = null);
