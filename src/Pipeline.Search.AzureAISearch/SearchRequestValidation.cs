using Pipeline.Core.Search;
using Pipeline.Core.Search.Facets;

namespace Pipeline.Search.AzureAISearch;

/// <summary>
/// Rejects field names the public API does not offer before they reach the service: the service knows internal
/// fields too (<c>articleJson</c>, <c>keyphrases</c>), and its own messages would name them.
/// </summary>
internal static class SearchRequestValidation
{
    public static void Validate(SearchRequest request)
    {
        foreach (var field in request.SearchFields)
        {
            Require(ArticleFieldNames.Searchable, field, "searchFields", "searchable");
        }

        var faceted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var facet in request.Facets)
        {
            Validate(facet);
            if (!faceted.Add(facet.Field))
            {
                throw new InvalidSearchRequestException("facet", $"'{facet.Field}' is faceted more than once.");
            }
        }

        foreach (var clause in request.OrderBy.Where(c => c.Field != OrderByClause.Score))
        {
            Require(ArticleFieldNames.Sortable, clause.Field, "orderby", "sortable");
        }

        foreach (var field in request.Highlight?.Fields ?? [])
        {
            Require(ArticleFieldNames.Highlightable, field, "highlight", "highlightable");
        }
    }

    private static void Validate(FacetRequest facet)
    {
        Require(ArticleFieldNames.Facetable, facet.Field, "facet", "facetable");
        var ranged = facet.Interval is not null || facet.Boundaries is { Count: > 0 };
        if (ranged && facet.Field != ArticleFieldNames.Published)
        {
            throw new InvalidSearchRequestException("facet", $"Only '{ArticleFieldNames.Published}' takes an interval or values; '{facet.Field}' counts values.");
        }

        if (facet.Interval is not null && facet.Boundaries is { Count: > 0 })
        {
            throw new InvalidSearchRequestException("facet", $"'{facet.Field}' takes an interval or values, not both.");
        }

        if (facet.Boundaries is { Count: > 0 } boundaries && boundaries.Zip(boundaries.Skip(1)).Any(pair => pair.First >= pair.Second))
        {
            throw new InvalidSearchRequestException("facet", $"The values of '{facet.Field}' must be in ascending order.");
        }

        if (facet.Count is < 1 or > FacetRequest.MaxCount)
        {
            throw new InvalidSearchRequestException("facet", $"count must be between 1 and {FacetRequest.MaxCount}.");
        }
    }

    private static void Require(IReadOnlyList<string> allowed, string field, string parameter, string what)
    {
        if (!allowed.Contains(field, StringComparer.Ordinal))
        {
            throw new InvalidSearchRequestException(parameter, $"'{field}' is not a {what} field; use one of {string.Join(", ", allowed)}.");
        }
    }
}
