namespace Pipeline.Core.Search;

/// <summary>
/// The field names of the public query API (searchFields, filter, facets, orderby, highlight, select), the same for
/// both backends. Each backend maps them to its own schema.
/// </summary>
public static class ArticleFieldNames
{
    public const string Id = "id";
    public const string Title = "title";
    public const string Body = "body";

    /// <summary>Collection of author names.</summary>
    public const string Authors = "authors";

    /// <summary>Collection of the tags the source assigns itself.</summary>
    public const string Tags = "tags";

    /// <summary>ISO 639-1 code, for example "en".</summary>
    public const string Language = "language";

    /// <summary>Where the article came from: the top-level folder of its blob name ("bbc" for "bbc/tech/001.txt"), null at the container root.</summary>
    public const string Source = "source";

    /// <summary>The publication's own name when the source states it ("BBC News").</summary>
    public const string SiteName = "siteName";

    /// <summary>The input format as the API spells it: "plainText", "html", "markdown" or "json".</summary>
    public const string Format = "format";

    /// <summary>Publication time (Edm.DateTimeOffset). Articles without one match only <c>eq null</c> and, as in OData, <c>ne</c>.</summary>
    public const string Published = "published";

    public static IReadOnlyList<string> Searchable { get; } = [Title, Body, Authors, Tags];

    public static IReadOnlyList<string> Filterable { get; } = [Authors, Tags, Language, Source, SiteName, Format, Published];

    /// <summary>Fields whose values are collections: filters reach their elements with <c>any</c>.</summary>
    public static IReadOnlyList<string> Collections { get; } = [Authors, Tags];

    public static IReadOnlyList<string> Facetable { get; } = [Authors, Tags, Language, Source, SiteName, Format, Published];

    public static IReadOnlyList<string> Sortable { get; } = [Published];

    public static IReadOnlyList<string> Highlightable { get; } = [Title, Body];

    /// <summary>The source of an article as <see cref="Source"/> defines it.</summary>
    public static string? SourceOf(string blobName)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        var slash = blobName.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 ? null : blobName[..slash];
    }

    /// <summary>
    /// The format as <see cref="Format"/> spells it: the JSON spelling of the enum, so an article's <c>format</c>, its
    /// hits, filters and facets agree.
    /// </summary>
    public static string FormatOf(Articles.ArticleFormat format) => Serialization.PipelineJson.NameOf(format);
}
