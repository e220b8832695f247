using Pipeline.Core.Search;

namespace Pipeline.Search.Lucene.Indexing;

/// <summary>Names of the fields of an article document.</summary>
internal static class IndexFieldNames
{
    /// <summary>Exact article id: an indexed term for updates and deletes, sorted doc values for tie-breaking and hits.</summary>
    public const string Id = "id";

    public const string Title = "title";

    /// <summary>Body text, stored for snippets, with term vectors for highlighting and MoreLikeThis.</summary>
    public const string Body = "body";

    /// <summary>Author names as searchable text.</summary>
    public const string Authors = "authors";

    /// <summary>Tags as searchable text.</summary>
    public const string Tags = "tags";

    /// <summary>Keyphrases as text with term vectors: what MoreLikeThis compares besides title and body. Not searched.</summary>
    public const string Keyphrases = "keyphrases";

    /// <summary>Each author verbatim: an exact term for filters and sorted-set doc values for facets.</summary>
    public const string AuthorValues = "authors.value";

    /// <summary>Each tag verbatim: an exact term for filters and sorted-set doc values for facets.</summary>
    public const string TagValues = "tags.value";

    // Single-valued exact fields: a term for filters, sorted doc values for facets and hits. Absent when unknown.
    public const string Language = "language";
    public const string Source = "source";
    public const string SiteName = "siteName";
    public const string Format = "format";

    /// <summary>
    /// Publication time as UTC ticks: a trie-encoded term for range filters and numeric doc values for sorting, facets
    /// and hits. Both are absent for an article without a date, so "no date" is distinguishable from any instant.
    /// </summary>
    public const string Published = "published";

    /// <summary>Title, authors, tags, lead, keyphrases and fingerprint in binary doc values (see <see cref="ResultSummary"/>).</summary>
    public const string Summary = "summary";

    /// <summary>The source blob version (ETag, last-modified) in binary doc values (see <see cref="VersionValue"/>).</summary>
    public const string Version = "version";

    /// <summary>Title words, lower-cased and unstemmed: what the earlier words of a suggestion request must match.</summary>
    public const string TitleWords = "title.words";

    /// <summary>Every leading part of every title word: what the word being typed matches.</summary>
    public const string TitlePrefixes = "title.prefixes";

    /// <summary>The whole article as JSON, stored only: what <c>GetAsync</c> returns and what a schema upgrade rebuilds from.</summary>
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
        (Tags, 1f),
    ];

    /// <summary>The text field a public searchable name (<see cref="ArticleFieldNames.Searchable"/>) is indexed as.</summary>
    public static string? SearchedFieldOf(string publicName) => publicName switch
    {
        ArticleFieldNames.Title => Title,
        ArticleFieldNames.Body => Body,
        ArticleFieldNames.Authors => Authors,
        ArticleFieldNames.Tags => Tags,
        _ => null,
    };

    /// <summary>The exact-value field a public filterable string field is indexed as.</summary>
    public static string? ExactFieldOf(string publicName) => publicName switch
    {
        ArticleFieldNames.Authors => AuthorValues,
        ArticleFieldNames.Tags => TagValues,
        ArticleFieldNames.Language => Language,
        ArticleFieldNames.Source => Source,
        ArticleFieldNames.SiteName => SiteName,
        ArticleFieldNames.Format => Format,
        _ => null,
    };
}
