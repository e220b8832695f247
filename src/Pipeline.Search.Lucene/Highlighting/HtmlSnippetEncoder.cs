using System.Text;
using Lucene.Net.Search.Highlight;

namespace Pipeline.Search.Lucene.Highlighting;

/// <summary>
/// Escapes the text around highlights so a snippet is safe to put into HTML, and leaves everything else as it is.
/// </summary>
/// <remarks>
/// Lucene's SimpleHTMLEncoder also turns every non-ASCII character into a numeric reference, which makes curly
/// quotes and accented names unreadable in JSON and splits emoji into invalid surrogate references.
/// </remarks>
internal sealed class HtmlSnippetEncoder : IEncoder
{
    public string EncodeText(string originalText)
    {
        if (originalText.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return originalText;
        }

        var builder = new StringBuilder(originalText.Length + 16);
        foreach (var c in originalText)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                '\'' => builder.Append("&#39;"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }
}
