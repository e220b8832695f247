using Pipeline.Core.Articles;

namespace Pipeline.Core.Normalization;

/// <summary>
/// What a normalizer extracts from a source: the article's content and metadata, before enrichment adds
/// id, hash, counts and timestamps.
/// </summary>
public sealed record NormalizedArticle
{
    public required ArticleFormat Format { get; init; }

    /// <summary>The title the source states; empty for an HTML page that states none (enrichment then names the article).</summary>
    public required string Title { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public DateTimeOffset? Published { get; init; }

    public required IReadOnlyList<ArticleSection> Sections { get; init; }

    public IReadOnlyList<RelatedLink> Related { get; init; } = [];

    /// <summary>Tags or keywords the source assigns itself (front matter, JSON), in the source's order.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Language the source declares, if any; enrichment fills it in otherwise.</summary>
    public string? Language { get; init; }

    /// <summary>Last modification time if the source states one.</summary>
    public DateTimeOffset? Modified { get; init; }

    /// <summary>Name of the publication or site ("BBC News"), when the source states it.</summary>
    public string? SiteName { get; init; }

    /// <summary>The page's own canonical URL, when the source states it (absolute).</summary>
    public string? CanonicalUrl { get; init; }

    /// <summary>URL of the lead image the source designates for sharing or display (absolute when resolvable).</summary>
    public string? LeadImageUrl { get; init; }

    /// <summary>The summary the source gives of itself (meta or OpenGraph description), not a generated one.</summary>
    public string? Description { get; init; }
}
