using Pipeline.Core.Search;
using Pipeline.Core.Search.Facets;
using Pipeline.Core.Search.Filtering;
using Names = Pipeline.Api.Binding.SearchParameterNames;

namespace Pipeline.Api.Binding;

/// <summary>
/// Turns <see cref="SearchParameters"/> into the one <see cref="SearchRequest"/> both backends understand, checking
/// every value against <see cref="ApiLimits"/> and the public field names. Filter, facet and order expressions are
/// parsed by Core's parsers, which report the position of a mistake.
/// </summary>
internal static class SearchRequestBinder
{
    /// <exception cref="InvalidSearchRequestException">A value is out of range, unknown, or not valid syntax.</exception>
    public static BoundSearch Bind(SearchParameters parameters)
    {
        var query = ParameterRules.AtMost(Names.Query, parameters.Query, ApiLimits.MaxQueryLength) ?? string.Empty;
        var request = new SearchRequest(
            query,
            ParameterRules.InRange(Names.Top, parameters.Top, SearchRequest.DefaultTop, 0, ApiLimits.MaxTop),
            ParameterRules.InRange(Names.Skip, parameters.Skip, 0, 0, ApiLimits.MaxSkip))
        {
            QueryType = ParameterRules.OneOf(Names.QueryType, parameters.QueryType, QueryType.Simple),
            SearchMode = ParameterRules.OneOf(Names.SearchMode, parameters.SearchMode, SearchMode.Any),
            SearchFields = Fields(Names.SearchFields, parameters.SearchFields, SearchFieldList.ParseSearchFields),
            Filter = Filter(parameters.Filter),
            Facets = Facets(parameters.Facets),
            Highlight = Highlight(parameters),
            OrderBy = OrderBy(parameters.OrderBy),
            IncludeTotalCount = parameters.Count ?? true,
        };
        return new BoundSearch(request, Select(parameters.Select));
    }

    /// <summary>An empty filter is no filter, as an empty <c>filter=</c> in a URL is easy to produce and means nothing else.</summary>
    public static FilterExpression? Filter(string? filter) =>
        ParameterRules.AtMost(Names.Filter, filter, ApiLimits.MaxFilterLength) is { Length: > 0 } text
            ? ODataFilterParser.Parse(text)
            : null;

    private static IReadOnlyList<string> Fields(string name, string? value, Func<string, IReadOnlyList<string>> parse) =>
        ParameterRules.AtMost(name, value, ApiLimits.MaxExpressionLength) is { Length: > 0 } text
            ? parse(text)
            : [];

    private static IReadOnlyList<FacetRequest> Facets(IReadOnlyList<string> facets)
    {
        if (facets.Count > ApiLimits.MaxFacets)
        {
            throw new InvalidSearchRequestException(
                Names.Facet, $"{facets.Count} facets were requested; at most {ApiLimits.MaxFacets} are allowed in one search.");
        }

        var requests = new List<FacetRequest>(facets.Count);
        foreach (var facet in facets)
        {
            var request = ParseFacet(ParameterRules.AtMost(Names.Facet, facet, ApiLimits.MaxExpressionLength)!, requests.Count, facets.Count);
            if (requests.Any(r => r.Field == request.Field))
            {
                // The response keys facets by field: a second facet on one field would have nowhere to go.
                throw new InvalidSearchRequestException(Names.Facet, $"'{request.Field}' is faceted twice; ask for each field once.");
            }

            requests.Add(request);
        }

        return requests;
    }

    private static FacetRequest ParseFacet(string facet, int index, int count)
    {
        try
        {
            return FacetRequestParser.Parse(facet);
        }
        catch (InvalidSearchRequestException exception) when (count > 1)
        {
            // The position is within one facet's value; with several, say which one it is in.
            throw new InvalidSearchRequestException(
                exception.Parameter, $"Facet {index + 1} of {count} ('{Text.Truncate(facet)}'): {exception.Message}", exception.Position, exception);
        }
    }

    private static HighlightRequest? Highlight(SearchParameters parameters)
    {
        var preTag = ParameterRules.AtMost(Names.HighlightPreTag, parameters.HighlightPreTag, ApiLimits.MaxHighlightTagLength);
        var postTag = ParameterRules.AtMost(Names.HighlightPostTag, parameters.HighlightPostTag, ApiLimits.MaxHighlightTagLength);
        var fields = Fields(Names.Highlight, parameters.Highlight, SearchFieldList.ParseHighlight);
        return fields.Count == 0
            ? null
            : new HighlightRequest(fields, preTag ?? HighlightRequest.DefaultPreTag, postTag ?? HighlightRequest.DefaultPostTag);
    }

    private static IReadOnlyList<OrderByClause> OrderBy(string? orderBy) =>
        ParameterRules.AtMost(Names.OrderBy, orderBy, ApiLimits.MaxExpressionLength) is { Length: > 0 } text
            ? OrderByParser.Parse(text)
            : [];

    /// <returns>Null for every property: no <c>select</c>, or <c>*</c>.</returns>
    private static IReadOnlyList<string>? Select(string? select) =>
        Fields(Names.Select, select, SearchFieldList.ParseSelect) is { Count: > 0 } fields ? fields : null;
}
