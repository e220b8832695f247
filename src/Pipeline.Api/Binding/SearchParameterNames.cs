namespace Pipeline.Api.Binding;

/// <summary>The search parameters, spelled as Azure AI Search spells them (except <c>q</c> for its <c>search</c>).</summary>
public static class SearchParameterNames
{
    public const string Query = "q";
    public const string QueryType = "queryType";
    public const string SearchMode = "searchMode";
    public const string SearchFields = "searchFields";
    public const string Filter = "filter";

    /// <summary>Repeatable in the query string: <c>facet=tags&amp;facet=language</c>.</summary>
    public const string Facet = "facet";

    /// <summary>The JSON body's spelling of <see cref="Facet"/>: an array.</summary>
    public const string Facets = "facets";

    public const string Highlight = "highlight";
    public const string HighlightPreTag = "highlightPreTag";
    public const string HighlightPostTag = "highlightPostTag";
    public const string OrderBy = "orderby";
    public const string Top = "top";
    public const string Skip = "skip";
    public const string Count = "count";
    public const string Select = "select";

    /// <summary>Suggest only: tolerate a typo per word.</summary>
    public const string Fuzzy = "fuzzy";

    internal static QueryParameterSet SearchQueryString { get; } = new(
        [Query, QueryType, SearchMode, SearchFields, Filter, Facet, Highlight, HighlightPreTag, HighlightPostTag, OrderBy, Top, Skip, Count, Select],
        odataNames: [Filter, OrderBy, Top, Skip, Count, Select],
        repeatable: [Facet]);

    internal static IReadOnlyList<string> SearchBody { get; } =
        [Query, QueryType, SearchMode, SearchFields, Filter, Facets, Highlight, HighlightPreTag, HighlightPostTag, OrderBy, Top, Skip, Count, Select];

    internal static QueryParameterSet SuggestQueryString { get; } = new(
        [Query, Top, Fuzzy, Filter, HighlightPreTag, HighlightPostTag],
        odataNames: [Filter, Top]);

    internal static QueryParameterSet RelatedQueryString { get; } = new([Top]);
}
