using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Pipeline.Core.Normalization.Metadata;

/// <summary>
/// Metadata read from the visible page when it declares none: the headline element, the byline element and
/// <c>&lt;time datetime&gt;</c>. The lowest tier of precedence, because page furniture (author boxes, related-story
/// lists with their own dates) looks much the same.
/// </summary>
internal static partial class PageHeuristics
{
    private const string TimeFurniture = "nav, aside, footer, [class*=related], [class*=recirc], [class*=comment], [id*=comment]";

    // A byline longer than this is an author box with a biography, not a byline.
    private const int MaxBylineLength = 100;

    // An author link's text is a name ("Jane Doe"), not "More stories by Jane Doe, our science editor".
    private const int MaxNameLength = 50;

    private const int MaxNameWords = 5;

    /// <summary>The text of the page's main <c>h1</c>: the one inside an article, else the only one.</summary>
    public static string? Headline(IDocument document)
    {
        var headline = document.QuerySelector("article h1, main h1, [itemprop~=headline]");
        if (headline is null)
        {
            var all = document.QuerySelectorAll("h1");
            headline = all.Length == 1 ? all[0] : null;
        }

        return MetadataText.Clean(headline?.TextContent);
    }

    /// <summary>
    /// Names from the first element that is marked as a byline or author and reads like one, else from the first
    /// link to an author page ("/author/jane-doe", "/profile/…") outside page furniture.
    /// </summary>
    public static IReadOnlyList<string> BylineNames(IDocument document)
    {
        if (document.Body is not { } body)
        {
            return [];
        }

        var marked = MarkedBylineNames(body);
        return marked.Count > 0 ? marked : AuthorPageLinkNames(body);
    }

    private static IReadOnlyList<string> AuthorPageLinkNames(IElement body)
    {
        foreach (var link in body.QuerySelectorAll("a[href]"))
        {
            if (!AuthorPagePath().IsMatch(link.GetAttribute("href")!) || IsInsideFurniture(link))
            {
                continue;
            }

            if (MetadataText.Clean(link.TextContent) is { Length: <= MaxNameLength } text && text.Split(' ').Length <= MaxNameWords)
            {
                var names = AuthorNames.Parse(text);
                if (names.Count > 0)
                {
                    return names;
                }
            }
        }

        return [];
    }

    private static IReadOnlyList<string> MarkedBylineNames(IElement body)
    {
        foreach (var element in body.QuerySelectorAll("[rel~=author], [itemprop~=author], [class], [id]"))
        {
            if (!IsBylineElement(element) || IsInsideFurniture(element))
            {
                continue;
            }

            var nameElement = element.QuerySelector("[itemprop~=name]") ?? element;
            var text = nameElement.TextContent;
            if (text.Length > MaxBylineLength * 4 || MetadataText.Clean(text) is not { Length: <= MaxBylineLength } byline)
            {
                continue;
            }

            var names = AuthorNames.Parse(byline);
            if (names.Count > 0)
            {
                return names;
            }
        }

        return [];
    }

    /// <summary>
    /// Publication times the page shows, best first: elements marked as the publication time, then
    /// <c>&lt;time datetime&gt;</c> in the article's header, then any <c>&lt;time datetime&gt;</c> outside furniture
    /// (related-story lists carry their own dates).
    /// </summary>
    public static IEnumerable<string?> PublishedTimes(IDocument document) =>
        TimeValues(document, "time[pubdate][datetime], [itemprop~=datePublished][datetime], [itemprop~=datePublished][content]")
            .Concat(TimeValues(document, "article header time[datetime], article time[datetime], header time[datetime], main time[datetime]"))
            .Concat(TimeValues(document, "time[datetime]"));

    public static IEnumerable<string?> ModifiedTimes(IDocument document) =>
        TimeValues(document, "[itemprop~=dateModified][datetime], [itemprop~=dateModified][content]");

    private static IEnumerable<string?> TimeValues(IDocument document, string selectors) =>
        document.QuerySelectorAll(selectors)
            .Where(e => e.Closest(TimeFurniture) is null)
            .Select(e => e.GetAttribute("datetime") ?? e.GetAttribute("content"));

    private static bool IsBylineElement(IElement element)
    {
        if (element.GetAttribute("rel") is { } rel && rel.Contains("author", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (element.GetAttribute("itemprop") is { } itemprop && itemprop.Contains("author", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return BylineMarker().IsMatch(element.ClassName ?? string.Empty) || BylineMarker().IsMatch(element.Id ?? string.Empty);
    }

    // Comment authors and "more by this author" boxes sit in these; the article's byline does not.
    private static bool IsInsideFurniture(IElement element) =>
        element.Closest("nav, footer, aside, form, [id*=comment], [class*=comment]") is not null;

    [GeneratedRegex(@"/(?:authors?|writers?|profiles?|staff|people|contributors?|editors?|columnists?|byline)/[^/?#]+", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorPagePath();

    // As Readability marks bylines; "authority" and "author-bio" are not bylines.
    [GeneratedRegex(@"byline|(?<![a-z])author(?!ity|-?bio|-?image|-?avatar|-?photo)|writtenby|p-author", RegexOptions.IgnoreCase)]
    private static partial Regex BylineMarker();
}
