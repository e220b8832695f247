using Pipeline.Core.Articles;
using Pipeline.Core.Normalization.Html;

namespace Pipeline.Core.Enrichment;

/// <summary>
/// A name for an article whose source states no title (a saved HTML fragment, a bare list): its first heading, else
/// the start of its first paragraph, as a reader skimming it would name it. Normalization reports such a page's title
/// as empty, which is what the page says; the stored article still needs something to be listed and found by.
/// </summary>
internal static class FallbackTitle
{
    // Long enough for a headline, short enough that a paragraph does not pass for one.
    public const int MaxLength = 80;

    public static string For(IReadOnlyList<ArticleSection> sections)
    {
        if (sections.Select(s => s.Heading).FirstOrDefault(h => !string.IsNullOrWhiteSpace(h)) is { } heading)
        {
            return heading;
        }

        var first = sections.SelectMany(s => s.Paragraphs).FirstOrDefault(p => !string.IsNullOrWhiteSpace(p));
        if (first is null)
        {
            return string.Empty;
        }

        var paragraph = ListMarker.Strip(first).ReplaceLineEndings(" ");
        if (paragraph.Length <= MaxLength)
        {
            return paragraph;
        }

        var cut = paragraph.LastIndexOf(' ', MaxLength);
        return string.Concat(paragraph.AsSpan(0, cut > 0 ? cut : MaxLength).TrimEnd(" ,;:"), "…");
    }
}
