using Pipeline.Core.Search;
using AzureSearchMode = Azure.Search.Documents.Models.SearchMode;
using AzureSearchOptions = Azure.Search.Documents.SearchOptions;
using AzureSearchQueryType = Azure.Search.Documents.Models.SearchQueryType;

namespace Pipeline.Search.AzureAISearch;

/// <summary>A <see cref="SearchRequest"/> as the service is sent it: the search text and the options around it.</summary>
internal sealed record AzureSearchRequest(string Text, AzureSearchOptions Options)
{
    /// <summary>What a <see cref="SearchHit"/> shows; the body and the article JSON stay on the service.</summary>
    public static IReadOnlyList<string> HitFields { get; } =
    [
        ArticleFieldNames.Id, ArticleFieldNames.Title, ArticleFieldNames.Authors, ArticleFieldNames.Published, ArticleFieldNames.Tags,
        ArticleFieldNames.Language, ArticleFieldNames.Source, ArticleFieldNames.SiteName, ArticleFieldNames.Format, ArticleIndexDefinition.Summary,
    ];

    /// <summary>The field a highlighted snippet comes from, when the request highlights it (<see cref="SearchSnippets"/>).</summary>
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

        // Highlights cost the service a pass over each hit's text, so they are asked for only when the request wants
        // them; the default snippet is the summary, which the hit carries anyway.
        if (!query.IsMatchAll && request.Highlight is { Fields.Count: > 0 } highlight)
        {
            // One marker pair serves the snippet and every requested field; each gets its own tags when decoded.
            AddAll(options.HighlightFields, highlight.Fields);
            options.HighlightPreTag = HighlightEncoder.PreMarker;
            options.HighlightPostTag = HighlightEncoder.PostMarker;
        }

        return new AzureSearchRequest(query.Text, options);
    }

    // Full Lucene syntax is the caller's own: it goes to the service as typed, and the service judges it.
    private static AzureQuery FullQuery(SearchRequest request)
    {
        // Untrimmed, so the columns in the service's syntax errors are positions in the caller's text.
        var text = string.IsNullOrWhiteSpace(request.Query) ? "*" : request.Query;
        var mode = request.SearchMode == SearchMode.All ? AzureSearchMode.All : AzureSearchMode.Any;
        return new AzureQuery(text, AzureSearchQueryType.Full, mode, IsMatchAll: text.Trim() == "*");
    }

    private static IEnumerable<string> OrderBy(SearchRequest request, bool isMatchAll)
    {
        if (request.OrderBy.Count == 0)
        {
            // Without a query there is no relevance; newest first is what a reader expects, id keeps pages stable.
            return isMatchAll ? [$"{ArticleFieldNames.Published} desc", $"{ArticleFieldNames.Id} asc"] : [];
        }

        // The id last breaks ties, so pages of an ordered result neither overlap nor skip.
        return request.OrderBy.SelectMany(Spell).Append($"{ArticleFieldNames.Id} asc");
    }

    // The service puts nulls first in ascending order; undated articles come last in either direction, as in the
    // embedded index, so ordering on the publication time first orders on whether there is one.
    private static IEnumerable<string> Spell(OrderByClause clause)
    {
        if (clause.Field == ArticleFieldNames.Published)
        {
            yield return $"{ArticleIndexDefinition.Undated} asc";
        }

        yield return $"{clause.Field} {(clause.Descending ? "desc" : "asc")}";
    }

    private static void AddAll(IList<string> target, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            target.Add(value);
        }
    }
}
