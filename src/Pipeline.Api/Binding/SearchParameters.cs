namespace Pipeline.Api.Binding;

/// <summary>
/// A search as the user sent it, from the query string or the JSON body, before any value is checked: both sources
/// fill this, and <see cref="SearchRequestBinder"/> turns it into one <c>SearchRequest</c>.
/// </summary>
internal sealed record SearchParameters
{
    public string? Query { get; init; }

    public string? QueryType { get; init; }

    public string? SearchMode { get; init; }

    public string? SearchFields { get; init; }

    public string? Filter { get; init; }

    public IReadOnlyList<string> Facets { get; init; } = [];

    public string? Highlight { get; init; }

    public string? HighlightPreTag { get; init; }

    public string? HighlightPostTag { get; init; }

    public string? OrderBy { get; init; }

    public int? Top { get; init; }

    public int? Skip { get; init; }

    public bool? Count { get; init; }

    public string? Select { get; init; }

    public static SearchParameters FromQueryString(Microsoft.AspNetCore.Http.IQueryCollection query)
    {
        var reader = new QueryStringReader(query, SearchParameterNames.SearchQueryString);
        return new SearchParameters
        {
            Query = reader.GetString(SearchParameterNames.Query),
            QueryType = reader.GetString(SearchParameterNames.QueryType),
            SearchMode = reader.GetString(SearchParameterNames.SearchMode),
            SearchFields = reader.GetString(SearchParameterNames.SearchFields),
            Filter = reader.GetString(SearchParameterNames.Filter),
            Facets = reader.GetAll(SearchParameterNames.Facet),
            Highlight = reader.GetString(SearchParameterNames.Highlight),
            HighlightPreTag = reader.GetString(SearchParameterNames.HighlightPreTag),
            HighlightPostTag = reader.GetString(SearchParameterNames.HighlightPostTag),
            OrderBy = reader.GetString(SearchParameterNames.OrderBy),
            Top = reader.GetInt32(SearchParameterNames.Top),
            Skip = reader.GetInt32(SearchParameterNames.Skip),
            Count = reader.GetBoolean(SearchParameterNames.Count),
            Select = reader.GetString(SearchParameterNames.Select),
        };
    }
}
