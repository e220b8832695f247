using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Pipeline.Core.Normalization.Metadata;

/// <summary>
/// The article title read from <c>&lt;title&gt;</c> by Readability's rules, for pages that declare no title in their
/// metadata. Sites build the element as "Headline | Section | Site": the last separated segment is dropped (or the
/// first, when too little would remain); a "Section: Headline" title keeps what follows the colon unless a heading
/// states the whole title; a title too short or too long to be a headline defers to the page's only <c>h1</c>; and a
/// result of four words or fewer is distrusted in favour of the element as written.
/// </summary>
/// <remarks>
/// Word counts are Readability's (a split on white space, so leading white space counts as a word), because the
/// thresholds were tuned with them.
/// </remarks>
internal static partial class DocumentTitle
{
    private const int MinHeadlineLength = 15;

    private const int MaxHeadlineLength = 150;

    // Titles this short after cutting were probably cut wrongly ("Home | Site" is not a headline "Home").
    private const int MaxSuspiciousWordCount = 4;

    // More words than this before a colon are not a section label ("Outside the web: …" is one; a sentence is not).
    private const int MaxWordsBeforeColon = 5;

    /// <returns>The title, or null when the page has none.</returns>
    public static string? Read(IDocument document)
    {
        var original = MetadataText.Clean(document.Title) ?? string.Empty;
        var title = original;
        var hadHierarchicalSeparator = false;
        var separators = Separator().Matches(original);
        if (separators.Count > 0)
        {
            hadHierarchicalSeparator = HierarchicalSeparator().IsMatch(original);
            title = original[..separators[^1].Index];
            if (WordCount(title) < 3)
            {
                title = LeadingSegment().Replace(original, string.Empty, 1);
            }
        }
        else if (original.Contains(": ", StringComparison.Ordinal))
        {
            title = ReadAroundColon(document, original);
        }
        else if (title.Length is < MinHeadlineLength or > MaxHeadlineLength && document.GetElementsByTagName("h1") is { Length: 1 } headlines)
        {
            title = MetadataText.Clean(headlines[0].TextContent) ?? title;
        }

        title = Whitespace().Replace(title.Trim(), " ");
        var words = WordCount(title);
        if (words <= MaxSuspiciousWordCount
            && (!hadHierarchicalSeparator || words != WordCount(Separator().Replace(original, string.Empty)) - 1))
        {
            title = original;
        }

        return title.Length > 0 ? title : null;
    }

    /// <summary>"Section: Headline" gives "Headline", unless an <c>h1</c> or <c>h2</c> shows the colon is part of the headline.</summary>
    private static string ReadAroundColon(IDocument document, string original)
    {
        if (document.QuerySelectorAll("h1, h2").Any(h => h.TextContent.Trim() == original))
        {
            return original;
        }

        var afterLast = original[(original.LastIndexOf(':') + 1)..];
        if (WordCount(afterLast) < 3)
        {
            return original[(original.IndexOf(':', StringComparison.Ordinal) + 1)..];
        }

        return WordCount(original[..original.IndexOf(':', StringComparison.Ordinal)]) > MaxWordsBeforeColon ? original : afterLast;
    }

    private static int WordCount(string text) => Whitespace().Split(text).Length;

    [GeneratedRegex(@"\s[|\-–—\\/>»]\s")]
    private static partial Regex Separator();

    [GeneratedRegex(@"\s[\\/>»]\s")]
    private static partial Regex HierarchicalSeparator();

    [GeneratedRegex(@"^[^|\-–—\\/>»]*[|\-–—\\/>»]")]
    private static partial Regex LeadingSegment();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
