using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Pipeline.Core.Normalization.Html;

/// <summary>
/// The boilerplate pass: marks page furniture that content extraction can leave inside an article block, by tag,
/// class and id (the rules trafilatura and Readability share): comment threads, share bars, ad slots, newsletter and
/// cookie boxes, related-story teasers, breadcrumbs, tag lists, author boxes, footers, captions and link-only
/// navigation. The body builder skips marked elements.
/// </summary>
/// <remarks>
/// Elements are marked (with <see cref="Attribute"/>), not removed, so content extraction still scores the page as
/// published. A class name alone is weak evidence (an article wrapper may be called "social-news-story" or
/// "related-content"), so every rule but the comment thread also asks the element to look like furniture: short, or
/// made of links.
/// </remarks>
internal static partial class PageFurniture
{
    public const string Attribute = "data-pipeline-furniture";

    private static readonly HashSet<string> InlineElements = new(StringComparer.OrdinalIgnoreCase) { "span", "a", "code", "em", "strong", "b", "i", "abbr", "time", "small", "sup", "sub", "label", "font" };

    // Share bars, ad slots and sign-up boxes are a few words ("Share", "Advertisement", "Sign up"); more is content.
    private const int MaxWidgetTextLength = 300;

    // A photo credit is a name or an agency ("Foto: dpa", "Getty Images").
    private const int MaxCreditTextLength = 80;

    // Cookie notices, footers and teaser boxes run longer than a share bar but stay well under an article.
    private const int MaxBoxTextLength = 1500;

    // Navigation is a list of links; a table of contents inside an article is too, so it is only taken when it is
    // nothing but links.
    private const double MinNavigationLinkTextShare = 0.9;

    // A teaser box or footer is mostly links (headlines of other stories, site sections).
    private const double MinTeaserLinkTextShare = 0.5;

    public static void Mark(IDocument document)
    {
        if (document.Body is not { } body)
        {
            return;
        }

        foreach (var element in body.QuerySelectorAll("[class], [id], nav, footer, aside, figcaption, [role]"))
        {
            if (!element.HasAttribute(Attribute) && IsFurniture(element))
            {
                element.SetAttribute(Attribute, string.Empty);
            }
        }
    }

    private static bool IsFurniture(IElement element)
    {
        var names = $"{element.Id} {element.ClassName}";
        var inline = InlineElements.Contains(element.LocalName);
        if (CommentThread().IsMatch(names) && !inline)
        {
            return true;
        }

        if (Widget().IsMatch(names))
        {
            return TextLength(element) <= MaxWidgetTextLength;
        }

        var role = element.GetAttribute("role");
        if (element.LocalName == "nav" || string.Equals(role, "navigation", StringComparison.OrdinalIgnoreCase))
        {
            var textLength = TextLength(element);
            return textLength == 0 || LinkTextLength(element) >= textLength * MinNavigationLinkTextShare;
        }

        // Captions and photo credits describe a picture the text does not show ("Photo: Getty Images").
        // Credits are a name or an agency; captions are kept, as part of what the article shows.
        if (Caption().IsMatch(names) && element.LocalName is not ("figure" or "figcaption"))
        {
            return TextLength(element) <= MaxCreditTextLength;
        }

        if (inline)
        {
            return false;
        }

        if (Box().IsMatch(names) || element.LocalName == "footer" || string.Equals(role, "contentinfo", StringComparison.OrdinalIgnoreCase))
        {
            var textLength = TextLength(element);
            return textLength <= MaxWidgetTextLength
                || (textLength <= MaxBoxTextLength * 4 && LinkTextLength(element) >= textLength * MinTeaserLinkTextShare)
                || (textLength <= MaxBoxTextLength && Legal().IsMatch(names));
        }

        if ((Teaser().IsMatch(names) || element.LocalName == "aside"))
        {
            var textLength = TextLength(element);
            return textLength <= MaxWidgetTextLength || LinkTextLength(element) >= textLength * MinTeaserLinkTextShare;
        }

        return false;
    }

    private static int TextLength(IElement element)
    {
        var length = 0;
        var space = true;
        foreach (var c in element.TextContent)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            length += space ? 2 : 1;
            space = false;
        }

        return length;
    }

    private static int LinkTextLength(IElement element)
    {
        var length = 0;
        foreach (var link in element.QuerySelectorAll("a[href]"))
        {
            if (!link.GetAttribute("href")!.TrimStart().StartsWith('#'))
            {
                length += TextLength(link);
            }
        }

        return length;
    }

    // The thread as a whole ("comments", "comment-list", WordPress's "respond" form), not a single "comment" class,
    // which syntax highlighters also use for code comments.
    [GeneratedRegex(@"(?:^|\s)(?:comments|comment-?list|commentlist|comments?[-_](?:area|section|container|wrapper|thread|form|block|box)|disqus_thread|respond|reply-?form|kommentare)(?:$|\s)", RegexOptions.IgnoreCase)]
    private static partial Regex CommentThread();

    [GeneratedRegex(@"(?:^|[\s_-])(?:share|sharing|sharedaddy|addthis|shariff|social-?(?:share|links|icons|buttons|bar|media)|socials?|ad|ads|advert|advertisement|adsbygoogle|ad-?(?:slot|unit|container|wrapper)|anzeige|sponsored|newsletter|subscribe|subscription|signup|sign-up|print|rating|bookmark|toolbar|follow|skip-?link)(?:$|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex Widget();

    // Blocks around the article: breadcrumbs, tags, author boxes, cookie and paywall notices, pagination, footers.
    [GeneratedRegex(@"(?:^|[\s_-])(?:footer|site-?footer|breadcrumbs?|tags?|tag-?list|taglist|tagcloud|keywords|author-?(?:box|bio|info)|about-?author|cookies?|consent|gdpr|cmp|paywall|pagination|pager|post-?nav(?:igation)?|copyright|disclaimer|imprint|legal|meta-?nav|sidebar|widget)(?:$|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex Box();

    [GeneratedRegex(@"(?:cookie|consent|gdpr|copyright|disclaimer|legal|paywall)", RegexOptions.IgnoreCase)]
    private static partial Regex Legal();

    // Other stories: "related", "read more", "recommended", "most read", "trending", teaser rails, widget networks.
    [GeneratedRegex(@"(?:^|[\s_-])(?:related|relatedposts|read-?more|more-?(?:stories|articles|news|from)|recommend\w*|also-?read|most-?(?:read|popular|viewed)|popular|trending|teasers?|outbrain|taboola|plista|further-?reading|see-?also|yarpp\w*|jp-relatedposts|crp_related)(?:$|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex Teaser();

    [GeneratedRegex(@"(?:^|[\s_-])(?:credits?|image-?credit|photo-?credit|copyright-?info|media-?credit|bildnachweis|fotocredit)(?:$|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex Caption();
}
