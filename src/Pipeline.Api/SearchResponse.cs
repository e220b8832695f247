using Pipeline.Core.Search;

namespace Pipeline.Api;

/// <summary>The body of <c>GET /api/search</c>.</summary>
/// <param name="Count">Total number of matches, across all pages.</param>
public sealed record SearchResponse(string Query, long? Count, int Top, int Skip, IReadOnlyList<SearchHit> Value);
