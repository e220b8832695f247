using Pipeline.Core.Search;
using Pipeline.Core.Search.Facets;
using Pipeline.Core.Search.Suggestions;

namespace Pipeline.Api;

/// <summary>
/// Documented request limits (README and the OpenAPI document state the same numbers, and a test holds them to it).
/// Over a limit is a 4xx with a message that names the limit, never a 5xx.
/// </summary>
public static class ApiLimits
{
    /// <summary>Characters in <c>q</c> of a search.</summary>
    public const int MaxQueryLength = 1_000;

    public const int MaxTop = SearchRequest.MaxTop;

    /// <summary>The same deepest page Azure AI Search allows; deeper paging should narrow the query instead.</summary>
    public const int MaxSkip = 100_000;

    /// <summary>Characters in <c>filter</c>.</summary>
    public const int MaxFilterLength = 8_000;

    /// <summary>Characters in each of the other expression parameters: searchFields, facet, highlight, orderby, select.</summary>
    public const int MaxExpressionLength = 1_000;

    /// <summary>Characters in <c>highlightPreTag</c> and <c>highlightPostTag</c>.</summary>
    public const int MaxHighlightTagLength = 100;

    /// <summary>Facets in one search.</summary>
    public const int MaxFacets = 10;

    /// <summary>Values a value facet may ask for (<c>tags,count:N</c>).</summary>
    public const int MaxFacetCount = FacetRequest.MaxCount;

    /// <summary>Bytes in the JSON body of <c>POST /api/search</c>; more is a 413.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Characters in <c>q</c> of a suggestion request (the same bound as Azure AI Search's suggest).</summary>
    public const int MaxSuggestQueryLength = 100;

    public const int MaxSuggestTop = SuggestRequest.MaxTop;

    public const int MaxSimilar = 50;

    /// <summary>Most uploads <c>GET /api/ingest/recent</c> lists at once.</summary>
    public const int MaxRecentUploads = 100;
}
