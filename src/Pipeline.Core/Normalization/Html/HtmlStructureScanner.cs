using System.Collections.Frozen;

namespace Pipeline.Core.Normalization.Html;

/// <summary>
/// Measures how deeply a page nests its elements and how many it has, from the markup alone and in one linear pass,
/// so that a hostile page is turned away before the parser builds it: parsing 100,000 nested <c>&lt;div&gt;</c>s takes
/// minutes even with the parser's own depth cap (and a recursive walk over them would overflow the stack), and content
/// extraction slows down more than linearly with the number of elements.
/// </summary>
/// <remarks>
/// The count approximates the tree the parser would build: void elements, self-closed tags and elements whose end
/// tag HTML lets authors omit (<c>p</c>, <c>li</c>, <c>td</c>, …) are not counted, and the contents of raw-text
/// elements (<c>script</c>, <c>style</c>) and comments are skipped. Real pages stay far below the limit even where
/// they leave other tags unclosed.
/// </remarks>
internal static class HtmlStructureScanner
{
    private static readonly FrozenSet<string> NotNesting = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        // Void elements.
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "basefont", "bgsound", "frame", "image", "isindex", "spacer",
        // Elements whose end tag may be omitted; pages routinely leave them open.
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption",
        "rb", "rt", "rtc", "rp", "html", "head", "body");

    private static readonly FrozenSet<string> RawText = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext");

    /// <summary>
    /// The deepest nesting in <paramref name="html"/> and its number of elements. The scan stops as soon as either
    /// goes past its limit, since the page is rejected either way; the result then reports the count so far.
    /// </summary>
    public static HtmlStructure Scan(ReadOnlySpan<char> html, int maxDepth, int maxElements)
    {
        var notNesting = NotNesting.GetAlternateLookup<ReadOnlySpan<char>>();
        var rawText = RawText.GetAlternateLookup<ReadOnlySpan<char>>();
        var depth = 0;
        var max = 0;
        var elements = 0;
        var paragraphOpen = false;
        var i = 0;
        while (i < html.Length)
        {
            var open = html[i..].IndexOf('<');
            if (open < 0)
            {
                break;
            }

            i += open;
            var rest = html[i..];
            if (rest.StartsWith("<!--"))
            {
                i = SkipPast(html, i + 4, "-->");
                continue;
            }

            if (rest.Length < 2)
            {
                break;
            }

            var isEndTag = rest[1] == '/';
            var nameStart = i + (isEndTag ? 2 : 1);
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                // "<!DOCTYPE", "<?xml", or a "<" in text: not an element.
                i = rest[1] is '!' or '?' ? SkipPast(html, i + 2, ">") : i + 1;
                continue;
            }

            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':' or '_'))
            {
                nameEnd++;
            }

            var name = html[nameStart..nameEnd];
            var tagEnd = FindTagEnd(html, nameEnd);
            var selfClosing = tagEnd > 0 && html[tagEnd - 1] == '/';
            i = tagEnd + 1;
            if ((!isEndTag || CreatesElement(name, ref paragraphOpen)) && ++elements > maxElements)
            {
                return new HtmlStructure(max, elements);
            }

            if (!isEndTag && name.Equals("p", StringComparison.OrdinalIgnoreCase))
            {
                paragraphOpen = true;
            }

            if (notNesting.Contains(name))
            {
                continue;
            }

            if (isEndTag)
            {
                depth = Math.Max(0, depth - 1);
                continue;
            }

            if (rawText.Contains(name))
            {
                i = SkipRawText(html, i, name);
                continue;
            }

            if (!selfClosing && ++depth > max)
            {
                max = depth;
                if (max > maxDepth)
                {
                    return new HtmlStructure(max, elements);
                }
            }
        }

        return new HtmlStructure(max, elements);
    }

    /// <summary>
    /// Whether an end tag makes the parser create an element: a <c>&lt;/p&gt;</c> with no paragraph open becomes an
    /// empty paragraph, and <c>&lt;/br&gt;</c> a line break. A megabyte of <c>&lt;/p&gt;</c> is a quarter of a million
    /// elements that content extraction would crawl through for minutes.
    /// </summary>
    private static bool CreatesElement(ReadOnlySpan<char> endTagName, ref bool paragraphOpen)
    {
        if (endTagName.Equals("br", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!endTagName.Equals("p", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Other elements close an open paragraph too; not tracking them undercounts, by at most one per paragraph.
        var stray = !paragraphOpen;
        paragraphOpen = false;
        return stray;
    }

    /// <summary>Index of the tag's closing <c>&gt;</c>, stepping over quoted attribute values.</summary>
    private static int FindTagEnd(ReadOnlySpan<char> html, int from)
    {
        var quote = '\0';
        var previous = '\0';
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'' && previous == '=')
            {
                // Only a quote right after "=" opens a value; in class=it's the apostrophe is just a character.
                quote = c;
            }
            else if (c == '>')
            {
                return i;
            }

            if (!char.IsWhiteSpace(c))
            {
                previous = c;
            }
        }

        return html.Length;
    }

    private static int SkipPast(ReadOnlySpan<char> html, int from, string terminator)
    {
        if (from >= html.Length)
        {
            return html.Length;
        }

        var index = html[from..].IndexOf(terminator, StringComparison.Ordinal);
        return index < 0 ? html.Length : from + index + terminator.Length;
    }

    private static int SkipRawText(ReadOnlySpan<char> html, int from, ReadOnlySpan<char> name)
    {
        for (var i = from; i < html.Length; i++)
        {
            var index = html[i..].IndexOf("</", StringComparison.Ordinal);
            if (index < 0)
            {
                return html.Length;
            }

            i += index;
            var candidate = html[(i + 2)..];
            if (candidate.Length >= name.Length && candidate[..name.Length].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                // Past the end tag as well: it closes an element that was never counted.
                return Math.Min(html.Length, FindTagEnd(html, i + 2 + name.Length) + 1);
            }
        }

        return html.Length;
    }
}

/// <param name="MaxDepth">The deepest element nesting.</param>
/// <param name="Elements">The number of elements (start tags outside comments, scripts and styles, and stray end tags that create one).</param>
internal readonly record struct HtmlStructure(int MaxDepth, int Elements);
