using System.Text.RegularExpressions;
using Pipeline.Core.Articles;

namespace Pipeline.Core.Normalization.PlainText;

/// <summary>
/// Lifts the editorial "KEEP READING" / "Related" / "More from …" lists out of scraped text into
/// <see cref="RelatedLink"/>s. They are links to other stories, not part of this one: left in the body they would
/// make this article match searches for those stories, and as links they feed the related-articles view.
/// </summary>
/// <remarks>
/// A list is a marker line (a whole line, any case) followed by headline lines: short lines, usually bulleted.
/// The list ends at the first line that reads like prose, so a "Read more" box in the middle of an article does
/// not take the rest of the article with it. A marker with no headline after it is left alone.
/// </remarks>
internal static partial class RelatedListExtractor
{
    // Headlines are short; anything longer is body text that happens to follow a marker.
    private const int MaxHeadlineWords = 30;

    // An unbulleted full sentence longer than this is the article going on, not another headline.
    private const int MaxUnbulletedSentenceWords = 12;

    private static readonly HashSet<string> Markers = new(StringComparer.OrdinalIgnoreCase)
    {
        "Keep reading", "Related", "Related articles", "Related stories", "Related content", "Related posts",
        "Related coverage", "Read more", "Read next", "More stories", "More to read", "Recommended",
        "Recommended for you", "You may also like", "You might also like", "Also read", "See also",
    };

    /// <summary>Removes every related list from <paramref name="lines"/> (blanking them) and returns their links.</summary>
    public static IReadOnlyList<RelatedLink> Extract(IList<string> lines)
    {
        var links = new List<RelatedLink>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!IsMarker(lines[i]))
            {
                continue;
            }

            var listLinks = new List<RelatedLink>();
            var end = i;
            for (var j = i + 1; j < lines.Count; j++)
            {
                var line = lines[j];
                if (string.IsNullOrWhiteSpace(line) || ChromeLineFilter.IsChrome(line))
                {
                    continue;
                }

                if (!TryParseHeadline(line, out var link))
                {
                    break;
                }

                listLinks.Add(link);
                end = j;
            }

            if (listLinks.Count == 0)
            {
                continue;
            }

            links.AddRange(listLinks);
            for (var k = i; k <= end; k++)
            {
                lines[k] = string.Empty;
            }

            i = end;
        }

        return links;
    }

    public static bool IsMarker(string line)
    {
        var text = LineText.CollapseWhitespace(line).TrimEnd(':');
        return Markers.Contains(text) || MoreFromPattern().IsMatch(text);
    }

    /// <summary>
    /// "  • Headline" → Headline; "Headline https://example.com/story" → Headline with its URL; a bare URL is both.
    /// </summary>
    public static bool TryParseHeadline(string line, out RelatedLink link)
    {
        link = null!;
        var text = LineText.CollapseWhitespace(ListItemLine.StripBullet(line));
        var isBulleted = ListItemLine.IsListItem(line);
        if (text.Length == 0 || IsMarker(text))
        {
            return false;
        }

        var url = UrlPattern().Match(text);
        if (url.Success)
        {
            var title = UrlSeparators().Replace(text.Remove(url.Index, url.Length), " ").Trim(' ', '-', '–', '—', '|', ':', '[', ']');
            title = LineText.CollapseWhitespace(title);
            link = new RelatedLink(title.Length > 0 ? title : url.Value, url.Value);
            return true;
        }

        var words = LineText.CountWords(text);
        if (words > MaxHeadlineWords || (!isBulleted && LineText.EndsSentence(text) && words > MaxUnbulletedSentenceWords))
        {
            return false;
        }

        link = new RelatedLink(text);
        return true;
    }

    [GeneratedRegex(@"^More (?:from|on|in|about) \S.{0,60}$", RegexOptions.IgnoreCase)]
    private static partial Regex MoreFromPattern();

    [GeneratedRegex(@"https?://[^\s<>()\[\]""]+")]
    private static partial Regex UrlPattern();

    // What is left around a removed URL in "Title (url)", "Title <url>", "[Title](url)".
    [GeneratedRegex(@"\(\s*\)|<\s*>|\[\s*\]")]
    private static partial Regex UrlSeparators();
}
