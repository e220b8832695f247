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

        var page = new PageText();
        foreach (var element in body.QuerySelectorAll("[class], [id], nav, footer, aside, figcaption, [role]"))
        {
            if (!element.HasAttribute(Attribute) && IsFurniture(element, page))
            {
                element.SetAttribute(Attribute, string.Empty);
            }
        }
    }

    private static bool IsFurniture(IElement element, PageText page)
    {
        var names = page.NamesOf(element);
        var inline = InlineElements.Contains(element.LocalName);
        if (names.HasFlag(NameClasses.CommentThread) && !inline)
        {
            return true;
        }

        if (names.HasFlag(NameClasses.Widget))
        {
            return page.TextLength(element) <= MaxWidgetTextLength;
        }

        var role = element.GetAttribute("role");
        if (element.LocalName == "nav" || string.Equals(role, "navigation", StringComparison.OrdinalIgnoreCase))
        {
            var textLength = page.TextLength(element);
            return textLength == 0 || page.LinkTextLength(element) >= textLength * MinNavigationLinkTextShare;
        }

        // Captions and photo credits describe a picture the text does not show ("Photo: Getty Images").
        // Credits are a name or an agency; captions are kept, as part of what the article shows.
        if (names.HasFlag(NameClasses.Caption) && element.LocalName is not ("figure" or "figcaption"))
        {
            return page.TextLength(element) <= MaxCreditTextLength;
        }

        if (inline)
        {
            return false;
        }

        if (names.HasFlag(NameClasses.Box) || element.LocalName == "footer" || string.Equals(role, "contentinfo", StringComparison.OrdinalIgnoreCase))
        {
            var textLength = page.TextLength(element);
            return textLength <= MaxWidgetTextLength
                || (textLength <= MaxBoxTextLength * 4 && page.LinkTextLength(element) >= textLength * MinTeaserLinkTextShare)
                || (textLength <= MaxBoxTextLength && names.HasFlag(NameClasses.Legal));
        }

        // An author box is a portrait in sentences ("studied sports science before…"): prose, so it is told apart by
        // name and size, not by links.
        if (names.HasFlag(NameClasses.AuthorBox))
        {
            return page.TextLength(element) <= MaxBoxTextLength;
        }

        if (names.HasFlag(NameClasses.Teaser) || element.LocalName == "aside")
        {
            var textLength = page.TextLength(element);
            return textLength <= MaxWidgetTextLength || page.LinkTextLength(element) >= textLength * MinTeaserLinkTextShare;
        }

        return false;
    }

    /// <summary>Which of the name rules an element's id and class names match.</summary>
    [Flags]
    private enum NameClasses
    {
        None = 0,
        CommentThread = 1,
        Widget = 2,
        Caption = 4,
        Box = 8,
        Legal = 16,
        Teaser = 32,
        AuthorBox = 64,
    }

    /// <summary>
    /// What the rules measure, worked out once per page: the name rules per distinct id or class name (a page repeats
    /// a few dozen of them over thousands of elements), and text and link lengths per element, each built from
    /// its children's, so nested furniture does not read the same text again and again.
    /// </summary>
    private sealed class PageText
    {
        private readonly Dictionary<string, NameClasses> _names = new(StringComparer.Ordinal);
        private readonly Dictionary<INode, TextRun> _text = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<IElement, int> _linkText = new(ReferenceEqualityComparer.Instance);

        // Every rule matches inside one white-space separated name ("comment-list", "ad-slot"), so each distinct
        // name is classified once and an element's classes are those of its id and class names together.
        public NameClasses NamesOf(IElement element) => OfNames(element.Id) | OfNames(element.ClassName);

        private NameClasses OfNames(string? names)
        {
            var classes = NameClasses.None;
            var rest = names.AsSpan();
            while (true)
            {
                var start = 0;
                while (start < rest.Length && char.IsWhiteSpace(rest[start]))
                {
                    start++;
                }

                if (start == rest.Length)
                {
                    return classes;
                }

                var end = start;
                while (end < rest.Length && !char.IsWhiteSpace(rest[end]))
                {
                    end++;
                }

                classes |= OfName(rest[start..end]);
                rest = rest[end..];
            }
        }

        private NameClasses OfName(ReadOnlySpan<char> name)
        {
            var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(name, out var classes))
            {
                classes = Classify(name);
                lookup[name] = classes;
            }

            return classes;
        }

        /// <summary>Characters that are not white space, plus one per word: the length of the text with single spaces between words and one before the first.</summary>
        public int TextLength(IElement element) => Text(element).Length;

        /// <summary>The text length of the links inside the element, leaving out in-page anchors (<c>#top</c>).</summary>
        public int LinkTextLength(IElement element)
        {
            if (_linkText.TryGetValue(element, out var cached))
            {
                return cached;
            }

            var length = 0;
            // By index: AngleSharp finds a node's next sibling by searching its parent's children.
            var children = element.ChildNodes;
            for (var i = 0; i < children.Length; i++)
            {
                if (children[i] is not IElement child)
                {
                    continue;
                }

                if (child.LocalName.Equals("a", StringComparison.OrdinalIgnoreCase) && child.GetAttribute("href") is { } href && !href.TrimStart().StartsWith('#'))
                {
                    length += TextLength(child);
                }

                length += LinkTextLength(child);
            }

            _linkText.Add(element, length);
            return length;
        }

        private TextRun Text(INode node)
        {
            if (_text.TryGetValue(node, out var cached))
            {
                return cached;
            }

            var run = TextRun.Empty;
            var children = node.ChildNodes;
            for (var i = 0; i < children.Length; i++)
            {
                var child = children[i];
                run = TextRun.Join(run, child switch
                {
                    IText text => TextRun.Of(text.Data),
                    IElement => Text(child),
                    _ => TextRun.Empty,
                });
            }

            _text.Add(node, run);
            return run;
        }

        private static NameClasses Classify(ReadOnlySpan<char> names)
        {
            var classes = NameClasses.None;
            classes |= CommentThread().IsMatch(names) ? NameClasses.CommentThread : NameClasses.None;
            classes |= Widget().IsMatch(names) ? NameClasses.Widget : NameClasses.None;
            classes |= Caption().IsMatch(names) ? NameClasses.Caption : NameClasses.None;
            classes |= Box().IsMatch(names) ? NameClasses.Box : NameClasses.None;
            classes |= Legal().IsMatch(names) ? NameClasses.Legal : NameClasses.None;
            classes |= Teaser().IsMatch(names) ? NameClasses.Teaser : NameClasses.None;
            classes |= AuthorBox().IsMatch(names) ? NameClasses.AuthorBox : NameClasses.None;
            return classes;
        }
    }

    /// <summary>
    /// The text length of a stretch of text as <see cref="PageText.TextLength"/> counts it, with whether it starts and
    /// ends inside a word, so that two stretches join into one (a word split across elements counts once).
    /// </summary>
    private readonly record struct TextRun(int Length, bool IsEmpty, bool StartsInWord, bool EndsInWord)
    {
        public static readonly TextRun Empty = new(0, true, false, false);

        public static TextRun Of(string text)
        {
            if (text.Length == 0)
            {
                return Empty;
            }

            var length = 0;
            var space = true;
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = true;
                    continue;
                }

                length += space ? 2 : 1;
                space = false;
            }

            return new TextRun(length, false, !char.IsWhiteSpace(text[0]), !space);
        }

        public static TextRun Join(TextRun left, TextRun right)
        {
            if (left.IsEmpty)
            {
                return right;
            }

            if (right.IsEmpty)
            {
                return left;
            }

            var length = left.Length + right.Length - (left.EndsInWord && right.StartsInWord ? 1 : 0);
            return new TextRun(length, false, left.StartsInWord, right.EndsInWord);
        }
    }

    // The thread as a whole ("comments", "comment-list", WordPress's "respond" form), not a single "comment" class,
    // which syntax highlighters also use for code comments.
    [GeneratedRegex(@"(?:^|\s)(?:comments|comment-?list|commentlist|comments?[-_](?:area|section|container|wrapper|thread|form|block|box)|disqus_thread|respond|reply-?form|kommentare)(?:$|\s)", RegexOptions.IgnoreCase)]
    private static partial Regex CommentThread();

    [GeneratedRegex(@"(?:^|[\s_-])(?:share|sharing|sharedaddy|addthis|shariff|social-?(?:share|links|icons|buttons|bar|media)|socials?|ad|ads|advert|advertisement|adsbygoogle|ad-?(?:slot|unit|container|wrapper)|anzeige|sponsored|news-?letter|subscribe|ratings?|privacy|subscription|signup|sign-up|print|bookmark|toolbar|follow|skip-?link)(?:$|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex Widget();

    // Blocks around the article: breadcrumbs, tags, author boxes, cookie and paywall notices, disclosures and licence
    // notes, pagination, footers.
    [GeneratedRegex(@"(?:^|[\s_-])(?:footer|site-?footer|breadcrumbs?|tags?|tag-?list|taglist|tagcloud|keywords|author-?(?:box|bio|info)|about-?author|cookies?|consent|gdpr|cmp|paywall|pagination|pager|post-?nav(?:igation)?|copyright|disclaimer|disclosure|licen[cs]e(?:-?info)?|imprint|legal|meta-?nav|sidebar|widget)(?:$|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex Box();

    [GeneratedRegex(@"(?:cookie|consent|gdpr|copyright|disclaimer|disclosure|licen[cs]e|legal|paywall)", RegexOptions.IgnoreCase)]
    private static partial Regex Legal();

    // Other stories: "related", "read more", "recommended", "most read", "trending", teaser rails, widget networks.
    [GeneratedRegex(@"(?:^|[\s_-])(?:related(?:posts?|topics?|links?|articles?|stories|news)?|read-?more|more-?(?:stories|articles|news|from)|recommend\w*|also-?read|most-?(?:read|popular|viewed)|popular|trending|teasers?|outbrain|taboola|plista|further-?reading|see-?also|yarpp\w*|jp-relatedposts|crp_related)(?:$|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex Teaser();

    // The box about the writer under an article: "author-box", "author-bio", "about-the-author", "post-author",
    // WordPress's Simple Author Box ("saboxplugin"), German "autor-info".
    [GeneratedRegex(@"(?:^|[\s_-])(?:author-?(?:box|bio|info|description|details|profile|card)|about-?(?:the-?)?author|post-?author|saboxplugin-?wrap|autor(?:en)?-?(?:box|bio|info)|bio-?box)(?:$|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorBox();

    [GeneratedRegex(@"(?:^|[\s_-])(?:credits?|image-?credit|photo-?credit|copyright-?info|media-?credit|bildnachweis|fotocredit)(?:$|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex Caption();
}
