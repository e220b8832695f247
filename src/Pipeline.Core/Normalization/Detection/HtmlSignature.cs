using System.Text.RegularExpressions;

namespace Pipeline.Core.Normalization.Detection;

/// <summary>Recognises HTML by its markup: a whole saved page, or a fragment of article markup.</summary>
internal static partial class HtmlSignature
{
    /// <summary>Browsers sniff the first kilobyte too; a page's doctype or root element is always there.</summary>
    public const int Window = 1024;

    // Known elements in the window above which text is markup, whatever it starts with.
    private const int ManyTags = 8;

    /// <summary>
    /// A saved page: starts with markup (a doctype, comment, XML declaration or element) and has a doctype or an
    /// <c>html</c>, <c>head</c> or <c>body</c> tag in the first kilobyte. Requiring markup at the start keeps a
    /// Markdown post that shows an HTML page in a code block out.
    /// </summary>
    public static bool IsDocument(ReadOnlySpan<char> text)
    {
        var window = Head(text);
        return window.StartsWith('<') && DocumentMarker().IsMatch(window);
    }

    /// <summary>
    /// An HTML fragment (article markup without a page around it): many known element tags in the first kilobyte,
    /// or text that starts with a known element and has another. When the name or content type says HTML, one known
    /// tag is enough.
    /// </summary>
    public static bool IsFragment(ReadOnlySpan<char> text, bool hinted)
    {
        var window = Head(text);
        var tags = KnownTag().Count(window);
        return tags >= ManyTags
            || (tags >= 2 && KnownTag().IsMatch(window[..Math.Min(window.Length, 200)]) && window.StartsWith('<'))
            || (hinted && tags >= 1);
    }

    private static ReadOnlySpan<char> Head(ReadOnlySpan<char> text)
    {
        var trimmed = text.TrimStart();
        return trimmed[..Math.Min(trimmed.Length, Window)];
    }

    [GeneratedRegex(@"<!doctype\s+html|<(?:html|head|body)[\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex DocumentMarker();

    [GeneratedRegex(
        @"</?(?:html|head|body|p|div|span|a|br|hr|img|h[1-6]|ul|ol|li|dl|dt|dd|table|thead|tbody|tr|td|th|article|section|header|footer|nav|main|aside|figure|figcaption|blockquote|pre|code|em|strong|b|i|u|sup|sub|script|style|meta|link|title|form|input|button|iframe|noscript|time|picture|source|video)(?:\s[^<>]*)?/?>",
        RegexOptions.IgnoreCase)]
    private static partial Regex KnownTag();
}
