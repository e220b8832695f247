using Pipeline.Core.Articles;

namespace Pipeline.Core.Ingestion;

/// <summary>Where normalized articles are kept as JSON (blob storage: <c>normalized/{id}.json</c>).</summary>
public interface INormalizedArticleStore
{
    Task SaveAsync(Article article, CancellationToken cancellationToken = default);

    Task<Article?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);
}
