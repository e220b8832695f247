namespace Pipeline.Core.Search;

/// <param name="TotalCount">All matches, not only this page.</param>
/// <param name="Hits">This page of matches, best first.</param>
public sealed record SearchResults(long TotalCount, IReadOnlyList<SearchHit> Hits);

/// <summary>One search result: enough to render a result list without loading the article.</summary>
public sealed record SearchHit(
    string Id,
    string Title,
    double Score,
    IReadOnlyList<string> Authors,
    DateTimeOffset? Published,
    string? Snippet);
