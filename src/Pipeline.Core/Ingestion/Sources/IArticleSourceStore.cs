using Pipeline.Core.Normalization;

namespace Pipeline.Core.Ingestion.Sources;

/// <summary>The uploaded sources (blob storage: the <c>articles</c> container), read-only: ingest never changes them.</summary>
public interface IArticleSourceStore
{
    /// <summary>Every source blob, in no particular order.</summary>
    IAsyncEnumerable<SourceBlob> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The blob's properties, or null when it does not exist (any more).</summary>
    Task<SourceBlob?> GetAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The blob's current content and properties, or null when it does not exist (any more).</summary>
    Task<SourceDocument?> ReadAsync(string name, CancellationToken cancellationToken = default);
}
