using System.Collections.Frozen;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Pipeline.Bench.Extraction.Corpora;

/// <summary>
/// The visible text of an expected-output HTML fragment: inline elements join their text, every other element is a
/// word boundary (as Readability's own harness walks the DOM, skipping whitespace-only text).
/// </summary>
internal static class ExpectedText
{
    private static readonly FrozenSet<string> Inline = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd", "label",
        "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var");

    public static string FromHtml(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var builder = new StringBuilder();
        Append(document.Body!, builder);
        return builder.ToString();
    }

    private static void Append(INode node, StringBuilder builder)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    builder.Append(text.Data);
                    break;
                case IElement element when element.LocalName is "script" or "style" or "noscript" or "template":
                    break;
                case IElement element when Inline.Contains(element.LocalName):
                    Append(element, builder);
                    break;
                case IElement element:
                    builder.Append(' ');
                    Append(element, builder);
                    builder.Append(' ');
                    break;
            }
        }
    }
}
