namespace Pipeline.Search.Lucene.Indexing;

/// <summary>Names of the fields of an article document.</summary>
internal static class ArticleFields
{
    /// <summary>Exact article id: an indexed term for updates and deletes, sorted doc values for tie-breaking and hits.</summary>
    public const string Id = "id";

    public const string Title = "title";

    /// <summary>Body text, stored for snippets, with term vectors for highlighting and MoreLikeThis.</summary>
    public const string Body = "body";

    public const string Authors = "authors";

    /// <summary>Publication time as UTC ticks in numeric doc values; <see cref="ResultSummary.NoPublishedDate"/> when unknown.</summary>
    public const string Published = "published";

    /// <summary>Title and authors in binary doc values: what a result list shows, without loading stored fields.</summary>
    public const string Summary = "summary";

    /// <summary>The whole article as JSON, stored only: what <c>GetAsync</c> returns.</summary>
    public const string ArticleJson = "article";

    /// <summary>The fields a query searches, with their boosts.</summary>
    /// <remarks>
    /// The title needs no boost of its own to weigh more than the body: its words usually recur in the body, so they
    /// score in both fields, and BM25 ranks a match in a short field above one in a long field. Boosting it 2 or 3 times
    /// on top of that lowered every score on the CISI and Cranfield test collections (bench/results/relevance.md).
    /// </remarks>
    public static IReadOnlyList<(string Field, float Boost)> Searched { get; } =
    [
        (Title, 1f),
        (Body, 1f),
        (Authors, 1f),
    ];
}
