using Pipeline.Core.Search;
using Pipeline.Core.Search.Facets;

namespace Pipeline.Api;

/// <summary>The body of <c>GET</c> and <c>POST /api/search</c>.</summary>
/// <param name="Query">The query text as given.</param>
/// <param name="Count">Total number of matches, across all pages; null when the request set <c>count=false</c>.</param>
/// <param name="Value">This page of matches; with <c>select</c>, each hit has only the selected properties.</param>
public sealed record SearchResponse(string Query, long? Count, int Top, int Skip, IReadOnlyList<SearchHit> Value)
{
    /// <summary>Buckets per requested facet field; null when no facet was requested.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetBucket>>? Facets { get; init; }
}
