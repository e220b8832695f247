using Pipeline.Core.Search;
using AzureSearchMode = Azure.Search.Documents.Models.SearchMode;
using AzureSearchOptions = Azure.Search.Documents.SearchOptions;
using AzureSearchQueryType = Azure.Search.Documents.Models.SearchQueryType;

namespace Pipeline.Search.AzureAISearch;

/// <summary>A <see cref="SearchRequest"/> as the service is sent it: the search text and the options around it.</summary>
internal sealed record AzureSearchRequest(string Text, AzureSearchOptions Options, bool IsMatchAll)
{
    /// <summary>What a <see cref="SearchHit"/> shows; the body and the article JSON stay on the service.</summary>
    public static IReadOnlyList<string> HitFields { get; } =
    [
        ArticleFieldNames.Id, ArticleFieldNames.Title, ArticleFieldNames.Authors, ArticleFieldNames.Published, ArticleFieldNames.Tags,
        ArticleFieldNames.Language, ArticleFieldNames.Source, ArticleFieldNames.SiteName, ArticleFieldNames.Format, ArticleIndexDefinition.Summary,
    ];

    /// <summary>The field the default snippet comes from.</summary>
    public const string SnippetField = ArticleFieldNames.Body;

    public static AzureSearchRequest From(SearchRequest request)
    {
        SearchRequestValidation.Validate(request);
        var query = request.QueryType == QueryType.Full ? FullQuery(request) : AzureQuery.From(request.Query, request.SearchMode);
        var options = new AzureSearchOptions
        {
            QueryType = query.Type,
            SearchMode = query.Mode,
            IncludeTotalCount = request.IncludeTotalCount,
            Size = Math.Clamp(request.Top, 0, SearchRequest.MaxTop),
            Skip = Math.Max(request.Skip, 0),
            Filter = FilterText.From(request.Filter),
        };

        // Spelled out even when the request names none, so the internal keyphrases field is never searched.
        AddAll(options.SearchFields, request.SearchFields.Count > 0 ? request.SearchFields : ArticleFieldNames.Searchable);
        AddAll(options.Select, HitFields);
        AddAll(options.Facets, request.Facets.Select(AzureFacets.Spell));
        AddAll(options.OrderBy, OrderBy(request, query.IsMatchAll));

        if (!query.IsMatchAll)
        {
            // One marker pair serves the snippet and every requested field; each gets its own tags when decoded.
            AddAll(options.HighlightFields, new[] { SnippetField }.Union(request.Highlight?.Fields ?? [], StringComparer.Ordinal));
            options.HighlightPreTag = HighlightEncoder.PreMarker;
            options.HighlightPostTag = HighlightEncoder.PostMarker;
        }

        return new AzureSearchRequest(query.Text, options, query.IsMatchAll);
    }

    // Full Lucene syntax is the caller's own: it goes to the service as typed, and the service judges it.
    private static AzureQuery FullQuery(SearchRequest request)
    {
        var text = string.IsNullOrWhiteSpace(request.Query) ? "*" : request.Query.Trim();
        var mode = request.SearchMode == SearchMode.All ? AzureSearchMode.All : AzureSearchMode.Any;
        return new AzureQuery(text, AzureSearchQueryType.Full, mode, IsMatchAll: text == "*");
    }

    private static IEnumerable<string> OrderBy(SearchRequest request, bool isMatchAll)
    {
        if (request.OrderBy.Count == 0)
        {
            // Without a query there is no relevance; newest first is what a reader expects, id keeps pages stable.
            return isMatchAll ? [$"{ArticleFieldNames.Published} desc", $"{ArticleFieldNames.Id} asc"] : [];
        }

        // The id last breaks ties, so pages of an ordered result neither overlap nor skip.
        return request.OrderBy.Select(c => $"{c.Field} {(c.Descending ? "desc" : "asc")}").Append($"{ArticleFieldNames.Id} asc");
    }

    private static void AddAll(IList<string> target, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            target.Add(value);
        }
    }
}
