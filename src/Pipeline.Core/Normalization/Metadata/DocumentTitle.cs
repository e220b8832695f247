using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Pipeline.Core.Normalization.Metadata;

/// <summary>
/// The article title read from <c>&lt;title&gt;</c>, which sites build as "Headline | Section | Site": the last
/// separated segment is dropped (or the first, when too little would remain), and a title too short or too long to
/// be a headline defers to the page's only <c>h1</c>. These are Readability's rules, minus its colon rule, which
/// cuts real headlines such as "Outside the web: standalone WebAssembly binaries".
/// </summary>
internal static partial class DocumentTitle
{
    private const int MinHeadlineLength = 15;

    private const int MaxHeadlineLength = 150;

    // Titles this short after cutting were probably cut wrongly ("Home | Site" is not a headline "Home").
    private const int MaxSuspiciousWordCount = 4;

    public static string? Read(IDocument document)
    {
        var original = MetadataText.Clean(document.Title);
        if (original is null)
        {
            return null;
        }

        var title = original;
        var hadHierarchicalSeparator = false;
        var separators = Separator().Matches(original);
        if (separators.Count > 0)
        {
            hadHierarchicalSeparator = HierarchicalSeparator().IsMatch(original);
            title = original[..separators[^1].Index];
            if (WordCount(title) < 3)
            {
                title = original[(separators[0].Index + separators[0].Length)..];
            }
        }
        else if (title.Length is < MinHeadlineLength or > MaxHeadlineLength && document.GetElementsByTagName("h1") is { Length: 1 } headlines)
        {
            title = MetadataText.Clean(headlines[0].TextContent) ?? title;
        }

        title = title.Trim();
        var words = WordCount(title);
        if (words <= MaxSuspiciousWordCount
            && (!hadHierarchicalSeparator || words != WordCount(Separator().Replace(original, " ")) - 1))
        {
            return original;
        }

        return title;
    }

    private static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"\s[|\-–—\\/>»]\s")]
    private static partial Regex Separator();

    [GeneratedRegex(@"\s[\\/>»]\s")]
    private static partial Regex HierarchicalSeparator();
}
