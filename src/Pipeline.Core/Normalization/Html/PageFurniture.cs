using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Pipeline.Core.Normalization.Html;

/// <summary>
/// Marks page furniture that content extraction can leave inside an article block: comment threads, share bars,
/// ad slots, newsletter sign-ups and link-only navigation. The body builder skips marked elements.
/// </summary>
/// <remarks>
/// Elements are marked (with <see cref="Attribute"/>), not removed, so content extraction still scores the page as
/// published. Widgets are recognised by class or id and must be short, so that an article whose wrapper happens to
/// be called "social-news-story" is not mistaken for a share bar; comment threads are taken whatever their length.
/// </remarks>
internal static partial class PageFurniture
{
    public const string Attribute = "data-pipeline-furniture";

    private static readonly HashSet<string> InlineElements = new(StringComparer.OrdinalIgnoreCase) { "span", "a", "code", "em", "strong", "b", "i" };

    // Share bars, ad slots and sign-up boxes are a few words ("Share", "Advertisement", "Sign up"); more is content.
    private const int MaxWidgetTextLength = 300;

    // Navigation is a list of links; a table of contents inside an article is too, so it is only taken when it is
    // nothing but links.
    private const double MinNavigationLinkTextShare = 0.9;

    public static void Mark(IDocument document)
    {
        if (document.Body is not { } body)
        {
            return;
        }

        foreach (var element in body.QuerySelectorAll("[class], [id], nav, [role=navigation]"))
        {
            if (IsFurniture(element))
            {
                element.SetAttribute(Attribute, string.Empty);
            }
        }
    }

    private static bool IsFurniture(IElement element)
    {
        var names = $"{element.Id} {element.ClassName}";
        if (CommentThread().IsMatch(names) && !InlineElements.Contains(element.LocalName))
        {
            return true;
        }

        if (Widget().IsMatch(names))
        {
            return Collapse(element.TextContent).Length <= MaxWidgetTextLength;
        }

        if (element.LocalName == "nav" || string.Equals(element.GetAttribute("role"), "navigation", StringComparison.OrdinalIgnoreCase))
        {
            var textLength = Collapse(element.TextContent).Length;
            var linkTextLength = element.QuerySelectorAll("a").Sum(a => Collapse(a.TextContent).Length);
            return textLength == 0 || linkTextLength >= textLength * MinNavigationLinkTextShare;
        }

        return false;
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    // The thread as a whole ("comments", "comment-list", WordPress's "respond" form), not a single "comment" class,
    // which syntax highlighters also use for code comments.
    [GeneratedRegex(@"(?:^|\s)(?:comments|comment-?list|comments?[-_](?:area|section|container|wrapper|thread)|disqus_thread|respond)(?:$|\s)", RegexOptions.IgnoreCase)]
    private static partial Regex CommentThread();

    [GeneratedRegex(@"(?:^|[\s_-])(?:share|sharing|sharedaddy|addthis|social-?(?:share|links|icons|buttons|bar|media)|ad|ads|advert|advertisement|adsbygoogle|ad-?(?:slot|unit|container|wrapper)|sponsored|newsletter|subscribe)(?:$|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex Widget();
}
