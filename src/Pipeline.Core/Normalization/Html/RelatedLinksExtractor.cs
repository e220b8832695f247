using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Pipeline.Core.Articles;
using Pipeline.Core.Normalization.PlainText;

namespace Pipeline.Core.Normalization.Html;

/// <summary>
/// Lifts related-story boxes ("Related", "More on this story", "Read next", Jetpack's related posts) out of a page
/// into <see cref="RelatedLink"/>s and marks them for the body builder to leave out, so their headlines neither end
/// up in the article body nor make it match searches for those other stories.
/// </summary>
/// <remarks>
/// A box is recognised by its class, id or label, or by a heading such as "Related stories" right before it, and is
/// only taken when it reads like a list of headlines: at least two links with headline-like text, and most of its
/// text inside links. That keeps a "related" wrapper around the whole article, or a "read more" button, in place.
/// </remarks>
internal static partial class RelatedLinksExtractor
{
    private const int MinHeadlineLinks = 2;

    // Share of a box's text that sits inside links; an article paragraph with a few links is far below this.
    private const double MinLinkTextShare = 0.6;

    private const int MaxLinks = 30;

    private const string TeaserExtras =
        "time, [class*=date], [class*=time], [class*=off-screen], [class*=visually-hidden], [class*=sr-only], [class*=screen-reader]";

    private const int MinHeadlineLength = 12;

    private const int MaxHeadlineLength = 250;

    private static readonly HashSet<string> MarkerHeadings = new(StringComparer.OrdinalIgnoreCase)
    {
        "Related", "Related articles", "Related stories", "Related content", "Related posts", "Related coverage",
        "Related links", "Related reading", "More on this story", "More on this topic", "Read more", "Read next",
        "Keep reading", "Recommended", "Recommended for you", "Recommended reading", "You may also like",
        "You might also like", "Also read", "See also", "Further reading", "More stories", "More from this author",
    };

    /// <summary>
    /// Marks the boxes this extractor took (with this attribute) rather than removing them: content extraction scores
    /// the page as a whole, and pulling blocks out first shifts which block it picks. The body builder skips them.
    /// </summary>
    public const string BoxAttribute = "data-pipeline-related";

    /// <summary>Marks every related-story box in <paramref name="document"/> and returns its links, in page order.</summary>
    public static IReadOnlyList<RelatedLink> Extract(IDocument document, Uri? baseUri)
    {
        if (document.Body is not { } body)
        {
            return [];
        }

        var boxes = new List<IElement>();
        foreach (var candidate in Candidates(body))
        {
            if (!boxes.Any(box => box.Contains(candidate) || candidate.Contains(box)) && IsHeadlineList(candidate))
            {
                boxes.Add(candidate);
            }
        }

        var links = new List<RelatedLink>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var box in boxes)
        {
            foreach (var link in HeadlineLinks(box))
            {
                var url = DocumentBase.ResolveLink(baseUri, link.GetAttribute("href"));
                var title = HeadlineText(link);
                if (links.Count < MaxLinks && seen.Add(url ?? title))
                {
                    links.Add(new RelatedLink(title, url));
                }
            }

            box.SetAttribute(BoxAttribute, string.Empty);
        }

        return links;
    }

    /// <summary>Marked containers, and the containers that follow (or hold) a marker heading, in page order.</summary>
    private static IEnumerable<IElement> Candidates(IElement body)
    {
        // A page repeats a few dozen class names over thousands of elements: each is matched once.
        var marked = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var element in body.QuerySelectorAll("*"))
        {
            if (IsMarked(element, marked))
            {
                yield return element;
            }
            else if (element.LocalName is "h2" or "h3" or "h4" or "h5" && MarkerHeadings.Contains(LineText.CollapseWhitespace(element.TextContent).TrimEnd(':')))
            {
                if (element.NextElementSibling is { } next)
                {
                    yield return next;
                }

                if (element.ParentElement is { LocalName: not ("body" or "article" or "main") } parent)
                {
                    yield return parent;
                }
            }
        }
    }

    private static bool IsMarked(IElement element, Dictionary<string, bool> marked) =>
        (element.ClassName is { } className && IsMarkerName(className, marked))
        || (element.Id is { } id && RelatedMarker().IsMatch(id))
        || (element.GetAttribute("aria-label") is { } label && MarkerHeadings.Contains(label.Trim()));

    private static bool IsMarkerName(string className, Dictionary<string, bool> marked)
    {
        if (!marked.TryGetValue(className, out var isMarker))
        {
            isMarker = RelatedMarker().IsMatch(className);
            marked.Add(className, isMarker);
        }

        return isMarker;
    }

    private static bool IsHeadlineList(IElement box)
    {
        if (box.LocalName is "body" or "html" or "main" or "article" || box.Closest("nav, header") is not null)
        {
            return false;
        }

        var headlines = HeadlineLinks(box).ToList();
        if (headlines.Count < MinHeadlineLinks)
        {
            return false;
        }

        var textLength = LineText.CollapseWhitespace(box.TextContent).Length;
        var linkTextLength = box.QuerySelectorAll("a").Sum(a => LineText.CollapseWhitespace(a.TextContent).Length);
        return textLength > 0 && linkTextLength >= textLength * MinLinkTextShare;
    }

    private static IEnumerable<IElement> HeadlineLinks(IElement box) =>
        box.QuerySelectorAll("a[href]").Where(a => IsStoryHref(a.GetAttribute("href")!) && IsHeadline(LineText.CollapseWhitespace(a.TextContent)));

    /// <summary>
    /// The headline of a teaser link: its title element when it has one, else its text without the timestamp and
    /// screen-reader labels teasers carry ("Video", "4 hours ago").
    /// </summary>
    private static string HeadlineText(IElement link)
    {
        if (link.QuerySelector("h2, h3, h4, h5, [class*=title], [class*=headline]") is { } headline && IsHeadline(LineText.CollapseWhitespace(headline.TextContent)))
        {
            return LineText.CollapseWhitespace(headline.TextContent);
        }

        var text = new StringBuilder();
        foreach (var node in link.GetDescendants().OfType<IText>())
        {
            if (node.ParentElement?.Closest(TeaserExtras) is not { } extra || !link.Contains(extra))
            {
                text.Append(node.Data);
            }
        }

        var title = LineText.CollapseWhitespace(text.ToString());
        return title.Length > 0 ? title : LineText.CollapseWhitespace(link.TextContent);
    }

    private static bool IsStoryHref(string href)
    {
        var value = href.Trim();
        return value.Length > 0
            && !value.StartsWith('#')
            && !value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            && !value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);
    }

    // A headline has a few words (or, in scripts without spaces, enough characters); "More", "Next" and bare
    // category names are not headlines.
    private static bool IsHeadline(string text) =>
        text.Length is >= MinHeadlineLength and <= MaxHeadlineLength && (text.Count(c => c == ' ') >= 2 || text.Any(IsCjk));

    private static bool IsCjk(char c) => c is >= '\u3040' and <= '\u30FF' or >= '\u4E00' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF';


    [GeneratedRegex(@"(?:^|[\s_-])(?:related|relatedposts|more-?stories|more-?from|more-?on-?this|read-?next|recommended-?(?:stories|articles|posts|reading)|keep-?reading|see-?also|also-?read|further-?reading|you-?may-?(?:also-?)?like)(?:$|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex RelatedMarker();
}
