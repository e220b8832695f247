using Pipeline.Core.Search.Suggestions;

namespace Pipeline.Api;

/// <summary>The body of <c>GET /api/suggest</c>.</summary>
/// <param name="Query">The partial input as given.</param>
/// <param name="Value">Suggested titles, best first.</param>
public sealed record SuggestResponse(string Query, IReadOnlyList<Suggestion> Value);
