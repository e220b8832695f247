using Pipeline.Core.Articles;

namespace Pipeline.Core.Normalization.Json;

/// <summary>What a JSON article object or a Markdown front matter states about an article, each value cleaned.</summary>
internal sealed record StatedArticleFields
{
    public static StatedArticleFields None { get; } = new();

    public string? Title { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public DateTimeOffset? Published { get; init; }

    public DateTimeOffset? Modified { get; init; }

    /// <summary>Absolute http(s) URL.</summary>
    public string? CanonicalUrl { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Primary language subtag, lower case ("en").</summary>
    public string? Language { get; init; }

    public string? Description { get; init; }

    /// <summary>Absolute http(s) URL.</summary>
    public string? LeadImageUrl { get; init; }

    public string? SiteName { get; init; }

    /// <summary>The body text and the field it came from, when the object has one.</summary>
    public ArticleBodyText? Body { get; init; }

    /// <summary>Sections given as structure (<c>sections</c>), when the object has them.</summary>
    public IReadOnlyList<ArticleSection>? Sections { get; init; }

    public IReadOnlyList<RelatedLink> Related { get; init; } = [];
}

/// <param name="Field">The field's name, for messages.</param>
/// <param name="Text">The text as written.</param>
/// <param name="IsHtml">True when the field says it is HTML (<c>html</c>); other fields are sniffed.</param>
internal sealed record ArticleBodyText(string Field, string Text, bool IsHtml)
{
    /// <summary>True when the field says it is Markdown (<c>markdown</c>).</summary>
    public bool IsMarkdown => Field.Equals("markdown", StringComparison.OrdinalIgnoreCase);
}
