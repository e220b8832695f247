using System.Text;

namespace Pipeline.Core.Search;

/// <summary>
/// Escapes text for HTML element content and attribute values. Only the five HTML-sensitive characters are
/// escaped, so snippets keep curly quotes and non-Latin text readable in JSON; both backends use it for highlights.
/// </summary>
public static class HtmlText
{
    public static string Encode(string text) => text.AsSpan().IndexOfAny("&<>\"'") < 0 ? text : Encode(text.AsSpan());

    public static string Encode(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
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
