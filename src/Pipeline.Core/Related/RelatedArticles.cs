using System.Text.Json.Serialization;
using Pipeline.Core.Articles;
using Pipeline.Core.Search;
using Pipeline.Core.Serialization;

namespace Pipeline.Core.Related;

/// <summary>What <c>GET /api/articles/{id}/related</c> returns.</summary>
/// <param name="Editorial">The article's own related-headline links, in page order, resolved or not.</param>
/// <param name="Similar">Content-based neighbours from the index, the article's near-duplicates left out.</param>
public sealed record RelatedArticles(string Id, IReadOnlyList<EditorialLink> Editorial, IReadOnlyList<SimilarArticle> Similar);

/// <summary>One headline the article links to, and the indexed article it names if one was found.</summary>
/// <param name="Title">The headline as the source page wrote it.</param>
/// <param name="Url">The link target when the source had one.</param>
/// <param name="ArticleId">The indexed article the headline resolves to, or null while unresolved.</param>
/// <param name="Confidence">How sure the resolution is, from 0 to 1; 0 when unresolved.</param>
public sealed record EditorialLink(string Title, string? Url, string? ArticleId, double Confidence)
{
    /// <summary>How the headline matched the article's title; null when unresolved.</summary>
    public EditorialMatch? Match { get; init; }

    public static EditorialLink Unresolved(RelatedLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new(link.Title, link.Url, null, 0);
    }
}

/// <summary>How an editorial headline matched an indexed title, from strictest to loosest.</summary>
[JsonConverter(typeof(PipelineEnumConverter<EditorialMatch>))]
public enum EditorialMatch
{
    /// <summary>The same text, apart from surrounding and repeated white space.</summary>
    Exact,

    /// <summary>The same words, apart from case, accents, quote and dash styles and punctuation.</summary>
    Normalized,

    /// <summary>Most of the same content words: a word dropped, added or changed.</summary>
    Fuzzy,
}
