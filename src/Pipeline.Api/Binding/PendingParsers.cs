// TEMPORARY: stands in for the parsers on branch `filter` until it merges; deleted by that merge commit.
#pragma warning disable
namespace Pipeline.Core.Search.Filtering
{
    public static class ODataFilterParser { public static FilterExpression Parse(string text) => throw new InvalidSearchRequestException("filter", "pending", 0); }
}
namespace Pipeline.Core.Search.Facets
{
    public static class FacetRequestParser { public static FacetRequest Parse(string text) => new(text.Split(',')[0]); }
}
namespace Pipeline.Core.Search
{
    public static class OrderByParser { public static IReadOnlyList<OrderByClause> Parse(string text) => [new OrderByClause(text.Split(' ')[0], text.EndsWith("desc"))]; }
}
