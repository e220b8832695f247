using Pipeline.Core.Search.Facets;

namespace Pipeline.Core.Search;

/// <param name="TotalCount">All matches, not only this page; null when the request did not ask for a count.</param>
/// <param name="Hits">This page of matches, best first (or in the requested order).</param>
public sealed record SearchResults(long? TotalCount, IReadOnlyList<SearchHit> Hits)
{
    /// <summary>Counts per requested facet field, buckets in the order the facet defines.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetBucket>> Facets { get; init; } =
        new Dictionary<string, IReadOnlyList<FacetBucket>>();
}

/// <summary>One search result: enough to render a result list without loading the article.</summary>
/// <param name="Snippet">
/// The article's lead summary, HTML-escaped; when the request highlights the body, the best passage of the body around
/// the matches instead, HTML-escaped with &lt;em&gt; tags (see <see cref="SearchSnippets"/>). Null when there is none.
/// </param>
public sealed record SearchHit(
    string Id,
    string Title,
    double Score,
    IReadOnlyList<string> Authors,
    DateTimeOffset? Published,
    string? Snippet)
{
    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? Language { get; init; }

    /// <summary>As <see cref="ArticleFieldNames.Source"/> defines it.</summary>
    public string? Source { get; init; }

    public string? SiteName { get; init; }

    /// <summary>As <see cref="ArticleFieldNames.Format"/> spells it.</summary>
    public string? Format { get; init; }

    /// <summary>The lead summary of the article.</summary>
    public string? Summary { get; init; }

    /// <summary>Highlighted fragments per requested field; null unless the request asked for highlights.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Highlights { get; init; }
}
