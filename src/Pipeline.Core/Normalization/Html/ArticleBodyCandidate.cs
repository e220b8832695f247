using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Pipeline.Core.Articles;

namespace Pipeline.Core.Normalization.Html;

/// <summary>
/// The structural pass: the element a page itself marks as its article body (<c>itemprop="articleBody"</c>, or a
/// class or id such as <c>entry-content</c>, <c>article-body</c>, <c>story-text</c>), read before Readability-style
/// scoring edits the page, and the rule that chooses between it and the scored block.
/// </summary>
/// <remarks>
/// Readability's scoring is the better guess on most pages, and it keeps the lead and subheads that sit outside a
/// page's body container; but it sometimes settles on the wrong block (a long table, a disclosure, a comment) or
/// drops half the article as "unlikely". The page's own markup is then the better witness: the scored block is
/// replaced when it shares little text with the marked body, or holds much less of it.
/// </remarks>
internal static partial class ArticleBodyCandidate
{
    // Below this the marked body is a teaser or an empty template slot, not an article.
    private const int MinBodyLength = 300;

    // Paragraphs shorter than this are too generic ("Share", a date) to tell whether two extractions overlap.
    private const int MinComparedParagraph = 40;

    // The scored block holds the article when it contains this share of the marked body's paragraph text.
    private const double MinSharedShare = 0.3;

    // What scoring kept is a fragment below this length…
    private const int MaxFragmentLength = 1000;

    // …and the marked body wins when it is this much longer.
    private const double LongerBy = 2.5;

    /// <summary>The page's marked article body as sections, or null when the page marks none.</summary>
    public static IReadOnlyList<ArticleSection>? Find(IDocument document, string? title, BylineContext byline)
    {
        if (document.Body is not { } body)
        {
            return null;
        }

        // itemprop="articleBody" is the page's explicit statement; a class name is a hint, taken only without one.
        IElement? best = null;
        var bestLength = MinBodyLength;
        var bestExplicit = false;
        foreach (var element in body.QuerySelectorAll("[itemprop], [class], [id]"))
        {
            var kind = BodyKind(element);
            if (kind == 0 || element.HasAttribute(PageFurniture.Attribute) || (bestExplicit && kind == 1))
            {
                continue;
            }

            var length = element.TextContent.Length;
            if (length > bestLength || (kind == 2 && !bestExplicit))
            {
                best = element;
                bestLength = Math.Max(length, MinBodyLength);
                bestExplicit = kind == 2;
            }
        }

        return best is null ? null : ArticleBodyBuilder.Build(best, title, byline);
    }

    /// <summary>Whether the marked body should replace the block scoring chose.</summary>
    public static bool Prefer(IReadOnlyList<ArticleSection> marked, IReadOnlyList<ArticleSection> scored)
    {
        var markedParagraphs = marked.SelectMany(s => s.Paragraphs).Where(p => p.Length >= MinComparedParagraph).ToList();
        var markedLength = markedParagraphs.Sum(p => p.Length);
        if (markedLength < MinBodyLength)
        {
            return false;
        }

        var scoredParagraphs = scored.SelectMany(s => s.Paragraphs).ToHashSet(StringComparer.Ordinal);
        var scoredLength = scoredParagraphs.Where(p => p.Length >= MinComparedParagraph).Sum(p => p.Length);
        var shared = markedParagraphs.Where(scoredParagraphs.Contains).Sum(p => p.Length);
        // Scoring chose another block (a table, a disclosure) that is no longer than the marked body, or kept only a
        // fragment of it.
        return (shared < markedLength * MinSharedShare && markedLength >= scoredLength)
            || (scoredLength < MaxFragmentLength && markedLength > scoredLength * LongerBy);
    }

    /// <summary>2 for <c>itemprop="articleBody"</c>, 1 for a body container's usual class or id, 0 otherwise.</summary>
    private static int BodyKind(IElement element)
    {
        if (element.GetAttribute("itemprop") is { } itemprop && itemprop.Contains("articleBody", StringComparison.OrdinalIgnoreCase))
        {
            return 2;
        }

        return element.LocalName is "div" or "section" or "article" && BodyName().IsMatch($"{element.Id} {element.ClassName}") ? 1 : 0;
    }

    // trafilatura's and Mercury's usual names for the article body container.
    [GeneratedRegex(@"(?:^|\s)(?:(?:article|post|entry|story|news|blog|single|td-post)[-_]?(?:body|content|text|entry|inner)(?:[-_]?(?:inner|wrapper|container|text|content))?|articlebody|article__body|article-body__content|storytext|story__body|rich-?text|body-?text|field-name-body|text-?content|post__content|entry__content|c-article-body|articleText|article_text)(?:$|\s)", RegexOptions.IgnoreCase)]
    private static partial Regex BodyName();
}

/// <summary>What the article's metadata already says about its author and date, so the body can leave them out.</summary>
internal sealed record BylineContext(IReadOnlyList<string> Authors, bool HasDate)
{
    public static BylineContext None { get; } = new([], false);
}
