namespace Pipeline.Core.Articles;

/// <summary>
/// One clean, normalized article: what ingest stores as JSON, indexes, and the HTTP API returns.
/// </summary>
public sealed record Article
{
    /// <summary>Stable id derived from the source blob name (see <see cref="ArticleId"/>).</summary>
    public required string Id { get; init; }

    /// <summary>Where the article came from.</summary>
    public required ArticleOrigin Source { get; init; }

    public required ArticleFormat Format { get; init; }

    public required string Title { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>Publication time if the source states one.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>Last modification time if the source states one.</summary>
    public DateTimeOffset? Modified { get; init; }

    /// <summary>Name of the publication or site ("BBC News"), when the source states it.</summary>
    public string? SiteName { get; init; }

    /// <summary>The page's own canonical URL, when the source states it.</summary>
    public string? CanonicalUrl { get; init; }

    /// <summary>URL of the lead image the source designates, when it has one.</summary>
    public string? LeadImageUrl { get; init; }

    /// <summary>The summary the source gives of itself, when it has one.</summary>
    public string? Description { get; init; }

    /// <summary>The article body in reading order; the first section often has no heading.</summary>
    public IReadOnlyList<ArticleSection> Sections { get; init; } = [];

    /// <summary>Plain text of the article as a reader sees it: section headings and paragraphs in order, separated by a blank line.</summary>
    public required string Body { get; init; }

    /// <summary>Editorial links ("KEEP READING", "Related") found in the source.</summary>
    public IReadOnlyList<RelatedLink> Related { get; init; } = [];

    /// <summary>Tags or keywords the source assigns itself (front matter, JSON), in the source's order.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>ISO 639-1 code (for example "en"), or null when unknown.</summary>
    public string? Language { get; init; }

    public int WordCount { get; init; }

    /// <summary>Minutes an adult needs to read the body (238 words a minute, rounded up); 0 only for an empty body.</summary>
    public int ReadingTimeMinutes { get; init; }

    /// <summary>The body's lead sentences (up to three, at most 300 characters), or null when it has no prose.</summary>
    public string? Summary { get; init; }

    /// <summary>Up to ten lower-case terms the article is about, best first; empty when its language has no stop words.</summary>
    public IReadOnlyList<string> Keyphrases { get; init; } = [];

    /// <summary>64-bit SimHash of the body as 16 hex digits; near-duplicates differ in few bits (see NearDuplicate).</summary>
    public string Fingerprint { get; init; } = "0000000000000000";

    /// <summary>Hex SHA-256 of everything the article shows a reader (see ContentHash); equal hashes mean no new work.</summary>
    public required string ContentHash { get; init; }

    public DateTimeOffset IngestedAt { get; init; }
}
