using System.Net;
using Spectre.Console;

namespace Pipeline.Cli.Query;

/// <summary>Turns the API's HTML snippets (escaped text with &lt;em&gt; around matches) into console markup.</summary>
internal static class Snippets
{
    private const char Open = '\u0001';
    private const char Close = '\u0002';

    public static string ToMarkup(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        var text = WebUtility.HtmlDecode(html.Replace("<em>", Open.ToString(), StringComparison.Ordinal).Replace("</em>", Close.ToString(), StringComparison.Ordinal));
        return Markup.Escape(text).Replace(Open.ToString(), "[bold yellow]", StringComparison.Ordinal).Replace(Close.ToString(), "[/]", StringComparison.Ordinal);
    }
}
