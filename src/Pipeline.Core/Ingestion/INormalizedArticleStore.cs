using Pipeline.Core.Articles;

namespace Pipeline.Core.Ingestion;

/// <summary>Where normalized articles are kept as JSON (blob storage: <c>normalized/{id}.json</c>).</summary>
public interface INormalizedArticleStore
{
    Task SaveAsync(Article article, CancellationToken cancellationToken = default);

    Task<Article?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Every stored article's id and source blob, without loading the articles where the store can avoid it.</summary>
    IAsyncEnumerable<StoredArticle> ListAsync(CancellationToken cancellationToken = default);
}

/// <summary>One entry of the normalized store: the article id and the name of the blob it came from.</summary>
public sealed record StoredArticle(string Id, string SourceBlobName);
