namespace Pipeline.Core.Normalization.Metadata;

/// <summary>What a page says about the article it carries, each value already cleaned and chosen by precedence.</summary>
internal sealed record ArticleMetadata
{
    public string? Title { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public DateTimeOffset? Published { get; init; }

    public DateTimeOffset? Modified { get; init; }

    public string? SiteName { get; init; }

    /// <summary>Absolute URL.</summary>
    public string? CanonicalUrl { get; init; }

    /// <summary>Primary language subtag, lower case ("en").</summary>
    public string? Language { get; init; }

    /// <summary>Absolute URL when the page's base allows resolving it.</summary>
    public string? LeadImageUrl { get; init; }

    public string? Description { get; init; }
}
