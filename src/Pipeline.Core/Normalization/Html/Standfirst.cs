using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Pipeline.Core.Normalization.Html;

/// <summary>
/// The standfirst pass: the lead paragraph many pages set above the article body in a box of its own (a "lead",
/// "excerpt", "standfirst", "chapo", "bajada", "perex", "Vorspann"), which scoring leaves out because it sits beside
/// the body, not in it. It is part of the article as a reader sees it.
/// </summary>
/// <remarks>
/// Only a box named as a lead counts, only the nearest one before the body, and only near it: inside one of the few
/// elements around the body, so a teaser's summary elsewhere on the page is never taken; or inside the article's own
/// header, which cleaning takes out of the body with the headline and the byline. A lead box named "teaser" (as
/// TYPO3's news pages name it) is marked as a teaser by <see cref="PageFurniture"/>; near the body, it is the lead.
/// </remarks>
internal static partial class Standfirst
{
    // How far above the article body the element holding both may be.
    private const int MaxLevelsAbove = 4;

    // A lead is a sentence or a short paragraph; a label or a date is shorter, a second article longer.
    private const int MinLength = 40;
    private const int MaxLength = 1200;

    // A lead is prose; a box of links is a teaser list.
    private const double MaxLinkShare = 0.3;

    /// <summary>The lead box of the article made of <paramref name="parts"/>, or null when the page sets none near it.</summary>
    /// <param name="parts">The elements of the article body, in document order.</param>
    /// <param name="removed">What cleaning takes out of them.</param>
    public static IElement? Find(IReadOnlyList<IElement> parts, IReadOnlyList<IElement> removed)
    {
        foreach (var header in removed)
        {
            if (header.LocalName == "header" || HeaderName().IsMatch($"{header.Id} {header.ClassName}"))
            {
                if (header.QuerySelectorAll("[class], [id]").FirstOrDefault(c => IsLead(c, [])) is { } inHeader)
                {
                    return inHeader;
                }
            }
        }

        return Before(parts[0], parts);
    }

    private static IElement? Before(IElement body, IReadOnlyList<IElement> parts)
    {
        var level = 0;
        for (var around = body.ParentElement; around is not null && level < MaxLevelsAbove; around = around.ParentElement, level++)
        {
            if (around.LocalName is "body" or "html")
            {
                return null;
            }

            IElement? nearest = null;
            foreach (var candidate in around.QuerySelectorAll("[class], [id]"))
            {
                if (candidate.Contains(body))
                {
                    // An element around the body (or the body itself).
                    continue;
                }

                // Candidates come in document order: from the first one that does not precede the body, none does.
                if (!candidate.CompareDocumentPosition(body).HasFlag(DocumentPositions.Following))
                {
                    break;
                }

                if (IsLead(candidate, parts))
                {
                    nearest = candidate;
                }
            }

            if (nearest is not null)
            {
                return nearest;
            }
        }

        return null;
    }

    private static bool IsLead(IElement candidate, IReadOnlyList<IElement> parts)
    {
        if (!LeadName().IsMatch($"{candidate.Id} {candidate.ClassName}") || parts.Any(p => p.Contains(candidate)))
        {
            return false;
        }

        if (candidate.ParentElement?.Closest($"[{PageFurniture.Attribute}]") is not null || HiddenElement.IsHidden(candidate))
        {
            return false;
        }

        var text = candidate.TextContent.AsSpan().Trim();
        if (text.Length < MinLength || text.Length > MaxLength)
        {
            return false;
        }

        var links = 0;
        foreach (var link in candidate.QuerySelectorAll("a[href]"))
        {
            links += link.TextContent.Trim().Length;
        }

        return links <= text.Length * MaxLinkShare;
    }

    // The usual names of a lead box, alone or as part of a compound name ("article__lead", "Post__lead",
    // "entry-excerpt", "texto-bajada", "field-perex", "c-page-intro__copy", "teaser-text").
    [GeneratedRegex(@"(?:^|[\s_-])(?:lead|lede|standfirst|excerpt|chapo|chapeau|bajada|entradilla|perex|vorspann|anriss|intro|introduction|teaser-?text|summary|dek|subtitle|sub-?headline|leader)(?:$|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex LeadName();

    [GeneratedRegex(@"(?:^|[\s_-])(?:header|head|heading|article-?header|entry-?header|post-?header)(?:$|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderName();
}
