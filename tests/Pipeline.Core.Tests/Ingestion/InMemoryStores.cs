using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Suggestions;

namespace Pipeline.Core.Tests.Ingestion;

/// <summary>Keeps what the ingestor writes, so tests can see each write; search is not needed here.</summary>
internal sealed class RecordingArticleIndex : IArticleIndex
{
    public Dictionary<string, Article> Articles { get; } = [];

    public int Upserts { get; private set; }

    public Task UpsertAsync(Article article, CancellationToken cancellationToken = default)
    {
        Upserts++;
        Articles[article.Id] = article;
        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(Articles.Remove(id));

    public Task<Article?> GetAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(Articles.GetValueOrDefault(id));

    public Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Ingestion never searches.");

    public Task<IReadOnlyList<SimilarArticle>> FindSimilarAsync(string id, int top, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Ingestion never asks for similar articles.");

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}

internal sealed class RecordingArticleStore : INormalizedArticleStore
{
    public Dictionary<string, Article> Articles { get; } = [];

    public int Saves { get; private set; }

    public Task SaveAsync(Article article, CancellationToken cancellationToken = default)
    {
        Saves++;
        Articles[article.Id] = article;
        return Task.CompletedTask;
    }

    public Task<Article?> GetAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(Articles.GetValueOrDefault(id));

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(Articles.Remove(id));
}

internal sealed class RecordingRejectionStore : IRejectionStore
{
    public Dictionary<string, Rejection> Rejections { get; } = [];

    public Task RecordAsync(Rejection rejection, CancellationToken cancellationToken = default)
    {
        Rejections[rejection.BlobName] = rejection;
        return Task.CompletedTask;
    }

    public Task ClearAsync(string blobName, CancellationToken cancellationToken = default)
    {
        Rejections.Remove(blobName);
        return Task.CompletedTask;
    }
}
