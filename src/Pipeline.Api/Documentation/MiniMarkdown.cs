using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Core.Search;

namespace Pipeline.Api.Documentation;

/// <summary>
/// The little Markdown the OpenAPI descriptions use — paragraphs, <c>`code`</c> and <c>**bold**</c> — as HTML.
/// Everything is HTML-escaped first, so a description can never inject markup into the page.
/// </summary>
internal static partial class MiniMarkdown
{
    public static string ToHtml(string markdown)
    {
        var html = new StringBuilder();
        foreach (var paragraph in ParagraphBreak().Split(markdown.Trim()))
        {
            var text = HtmlText.Encode(string.Join(' ', paragraph.Split('\n', StringSplitOptions.TrimEntries)));
            text = InlineCode().Replace(text, "<code>$1</code>");
            text = Bold().Replace(text, "<strong>$1</strong>");
            html.Append("<p>").Append(text).Append("</p>");
        }

        return html.ToString();
    }

    /// <summary>One line of Markdown as inline HTML, without a paragraph around it.</summary>
    public static string Inline(string markdown)
    {
        var html = ToHtml(markdown);
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.IndexOf("<p>", 3, StringComparison.Ordinal) < 0
            ? html[3..^4]
            : html;
    }

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\*\*([^*]+)\*\*")]
    private static partial Regex Bold();
}
