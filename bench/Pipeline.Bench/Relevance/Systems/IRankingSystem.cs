using Pipeline.Bench.Relevance.Collections;

namespace Pipeline.Bench.Relevance.Systems;

/// <summary>A search system under evaluation: indexes one collection, then ranks documents for each query.</summary>
internal interface IRankingSystem : IAsyncDisposable
{
    string Name { get; }

    Task IndexAsync(IReadOnlyList<CollectionDocument> documents, CancellationToken cancellationToken);

    /// <returns>Document ids, best first, at most <paramref name="top"/>.</returns>
    Task<IReadOnlyList<int>> SearchAsync(string queryText, int top, CancellationToken cancellationToken);
}
