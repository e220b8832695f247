using Pipeline.Core.Search.Facets;
using Pipeline.Core.Search.Filtering;

namespace Pipeline.Core.Search;

/// <summary>One search, as both backends understand it. The HTTP API builds it from query parameters or a JSON body.</summary>
/// <param name="Query">The query text in <see cref="QueryType"/> syntax. Empty or "*" matches everything.</param>
/// <param name="Top">Page size.</param>
/// <param name="Skip">Results to skip, for paging.</param>
public sealed record SearchRequest(string Query, int Top = SearchRequest.DefaultTop, int Skip = 0)
{
    public const int DefaultTop = 10;
    public const int MaxTop = 100;

    /// <summary>Simple syntax (terms, "phrases", -exclusion, prefix*) or full Lucene syntax.</summary>
    public QueryType QueryType { get; init; } = QueryType.Simple;

    /// <summary>Whether any or all of the query's terms must match.</summary>
    public SearchMode SearchMode { get; init; } = SearchMode.Any;

    /// <summary>The fields the query text searches (names from <see cref="ArticleFieldNames.Searchable"/>); empty means all of them.</summary>
    public IReadOnlyList<string> SearchFields { get; init; } = [];

    /// <summary>Only articles matching this filter are candidates; null means no filter.</summary>
    public FilterExpression? Filter { get; init; }

    /// <summary>Facets to count over all matches (not only this page).</summary>
    public IReadOnlyList<FacetRequest> Facets { get; init; } = [];

    /// <summary>
    /// Fields to return highlighted fragments for; null means none. Highlighting the body also makes each hit's snippet
    /// a highlighted passage of the body rather than its summary (see <see cref="SearchSnippets"/>).
    /// </summary>
    public HighlightRequest? Highlight { get; init; }

    /// <summary>Sort order; empty means by relevance (newest first when the query matches everything).</summary>
    public IReadOnlyList<OrderByClause> OrderBy { get; init; } = [];

    /// <summary>Whether to count all matches; when false <see cref="SearchResults.TotalCount"/> may be null.</summary>
    public bool IncludeTotalCount { get; init; } = true;
}

public enum QueryType
{
    /// <summary>Terms, "phrases", -exclusion, prefix*; every other character is literal.</summary>
    Simple,

    /// <summary>Full Lucene syntax: field:term, AND/OR/NOT, fuzzy~, "proximity"~N, boosts^N, ranges, wildcards.</summary>
    Full,
}

public enum SearchMode
{
    /// <summary>An article matches when any term matches (exclusions still apply).</summary>
    Any,

    /// <summary>An article matches only when every term matches.</summary>
    All,
}

/// <param name="Fields">Names from <see cref="ArticleFieldNames.Highlightable"/>.</param>
/// <param name="PreTag">Inserted before each match; the text around it is HTML-escaped.</param>
/// <param name="PostTag">Inserted after each match.</param>
public sealed record HighlightRequest(IReadOnlyList<string> Fields, string PreTag = HighlightRequest.DefaultPreTag, string PostTag = HighlightRequest.DefaultPostTag)
{
    public const string DefaultPreTag = "<em>";
    public const string DefaultPostTag = "</em>";
}

/// <param name="Field"><see cref="OrderByClause.Score"/> or a name from <see cref="ArticleFieldNames.Sortable"/>.</param>
public sealed record OrderByClause(string Field, bool Descending)
{
    /// <summary>The relevance score, spelled as in OData <c>$orderby</c>.</summary>
    public const string Score = "search.score()";
}
