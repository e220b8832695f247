using Pipeline.Core.Search;

namespace Pipeline.Api.Binding;

/// <param name="Select">The hit properties to return; null for all of them.</param>
internal sealed record BoundSearch(SearchRequest Request, IReadOnlyList<string>? Select);
