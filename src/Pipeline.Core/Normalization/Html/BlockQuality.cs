using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Pipeline.Core.Normalization.Html;

/// <summary>
/// The block-classification pass, after jusText and boilerpipe: inside the article block, a block made of links with
/// at most a short label ("Read more: <i>another story</i>", "Lea también: …", a list of headlines) points away from
/// the article, and a short line holding only the author and the date repeats metadata the article already carries.
/// </summary>
internal static partial class BlockQuality
{
    // Text outside links that still reads as a label ("Read more:", "Auch interessant", "Lea también:").
    private const int MaxLabelLength = 40;

    // Share of a block's text inside links above which the block is a link, or a list of links, and not prose.
    private const double MinLinkShare = 0.6;

    // A list whose items are all links is a list of other pages (related stories, downloads of the site's menu).
    private const double MinListLinkShare = 0.85;

    // A byline or dateline is a line, not a paragraph.
    private const int MaxBylineLength = 100;

    /// <summary>True for a paragraph or list that is a link, or a list of links, with at most a short label.</summary>
    public static bool IsLinkBoilerplate(IElement element)
    {
        switch (element.LocalName)
        {
            case "p" or "div" or "section" or "center" or "dd" or "dt":
                {
                    // A label is required: a paragraph that is only a link may be the article's own pointer ("the full report").
                    var (text, links) = Measure(element);
                    return links > 0 && links >= text * MinLinkShare && text - links <= MaxLabelLength && text - links >= 3;
                }

            case "ul" or "ol" or "dl" or "menu":
                {
                    var (text, links) = Measure(element);
                    var items = element.Children.Length;
                    return items >= 2 && links >= text * MinListLinkShare && text <= items * 120;
                }

            default:
                return false;
        }
    }

    /// <summary>True for a heading whose text is one link: the headline of a teaser for another page.</summary>
    public static bool IsLinkHeading(IElement element)
    {
        var (text, links) = Measure(element);
        return text > 0 && links >= text * 0.9;
    }

    /// <summary>
    /// True for a short line that holds only the author named in the metadata and a date ("By Jane Doe | 3 May 2021",
    /// "von Max Muster, 23.10.2018"), or only a date when the article has one.
    /// </summary>
    public static bool IsByline(string paragraph, IReadOnlyList<string> authors, bool hasDate)
    {
        if (paragraph.Length > MaxBylineLength)
        {
            return false;
        }

        var rest = paragraph;
        var removed = false;
        foreach (var author in authors)
        {
            if (author.Length >= 3 && rest.Contains(author, StringComparison.OrdinalIgnoreCase))
            {
                rest = rest.Replace(author, " ", StringComparison.OrdinalIgnoreCase);
                removed = true;
            }
        }

        if (hasDate && DateText().IsMatch(rest))
        {
            rest = DateText().Replace(rest, " ");
            removed = true;
        }

        if (!removed)
        {
            return false;
        }

        // What is left may be labels ("By", "Von", "Published", "Updated", "|"), nothing that reads as a sentence.
        var words = Word().Matches(rest).Count;
        return words <= 3 && !rest.Contains('.', StringComparison.Ordinal) || words <= 1;
    }

    /// <summary>
    /// True for a photo credit or caption label line ("Foto: dpa", "Photo: Getty Images", "Bild: Keystone"): it
    /// describes a picture the text does not show.
    /// </summary>
    public static bool IsCredit(string paragraph) => paragraph.Length <= MaxBylineLength && Credit().IsMatch(paragraph);

    /// <summary>
    /// True for a short line that introduces what follows rather than saying anything ("Auch interessant",
    /// "Read more:", "Mehr zum Thema"): dropped when what it introduces was boilerplate.
    /// </summary>
    public static bool IsLabel(string paragraph) =>
        paragraph.Length <= MaxLabelLength && !paragraph.EndsWith('.') && Word().Matches(paragraph).Count <= 5;

    private static (int Text, int Links) Measure(IElement element)
    {
        var text = Length(element.TextContent);
        if (text == 0)
        {
            return (0, 0);
        }

        var links = 0;
        foreach (var link in element.QuerySelectorAll("a[href]"))
        {
            // In-page anchors (footnotes, a table of contents, "#top") stay on the article.
            if (!link.GetAttribute("href")!.TrimStart().StartsWith('#'))
            {
                links += Length(link.TextContent);
            }
        }

        return (text, links);
    }

    private static int Length(string text)
    {
        var length = 0;
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = length > 0;
                continue;
            }

            length += space ? 2 : 1;
            space = false;
        }

        return length;
    }

    // Numeric dates and times, and day-month-year or month-day-year with a month name in any Latin-script language.
    [GeneratedRegex(@"\b(?:\d{1,2}[./-]\s?\d{1,2}[./-]\s?\d{2,4}|\d{4}-\d{2}-\d{2}(?:T[\d:.+Z-]+)?|\d{1,2}\.?\s+\p{L}{3,12}\.?\s+\d{4}|\p{L}{3,12}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|uhr|h)?)", RegexOptions.IgnoreCase)]
    private static partial Regex DateText();

    [GeneratedRegex(@"^\W*(?:fotos?|photos?|photograph|bild|bilder|image|imagen|foto\(s\)|credits?|crédits?|zdjęcie|fot\.|titelbild|quelle\s+(?:bild|foto)|picture)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex Credit();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Word();
}
