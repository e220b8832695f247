using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Bench.Extraction.Scoring;

/// <summary>
/// How extracted metadata is compared with ground truth. A null expectation is not scored; a null extraction
/// against a non-null expectation is a miss.
/// </summary>
internal static partial class FieldComparison
{
    /// <summary>
    /// Titles and site names: equal after collapsing whitespace, ignoring case. An empty expectation means the page
    /// has none, so only an empty (or missing) value matches it.
    /// </summary>
    public static bool SameText(string? extracted, string expected) =>
        string.Equals(Collapse(extracted ?? string.Empty), Collapse(expected), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Titles, tolerating the site name: also correct when the extracted title equals the expected one with a
    /// leading or trailing segment (after " | ", " - ", " – ", " — ", " · ") removed that names the expected site
    /// (same letters and digits, ignoring case, or one a prefix of the other by at most four characters, as
    /// "Factorio" and "Factorio.com"). Readability's expected titles keep site names that Pipeline strips on purpose.
    /// </summary>
    public static bool SameTitleIgnoringSiteName(string? extracted, string expected, string? expectedSiteName)
    {
        if (SameText(extracted, expected))
        {
            return true;
        }

        if (expectedSiteName is null || extracted is null)
        {
            return false;
        }

        var parts = TitleSeparator().Split(Collapse(expected));
        var site = LettersAndDigits(expectedSiteName);
        var first = 0;
        var last = parts.Length - 1;
        while (last - first >= 2 && NamesSite(parts[last], site))
        {
            last -= 2;
        }

        while (last - first >= 2 && NamesSite(parts[first], site))
        {
            first += 2;
        }

        return SameText(extracted, string.Concat(parts[first..(last + 1)]));

        static bool NamesSite(string segment, string site)
        {
            var key = LettersAndDigits(segment);
            return key.Length > 0 && site.Length > 0
                && (key == site || ((key.StartsWith(site, StringComparison.Ordinal) || site.StartsWith(key, StringComparison.Ordinal)) && Math.Abs(key.Length - site.Length) <= 4));
        }
    }

    /// <summary>
    /// Bylines: after collapsing whitespace, lower-casing, stripping labels ("By", "著者：") and writing every name
    /// separator ("and", "&amp;", ";") as ", ", either side contains the other. Bylines as printed carry dates and
    /// job titles, which containment tolerates.
    /// </summary>
    public static bool SameByline(string? extracted, string expected)
    {
        if (extracted is null)
        {
            return false;
        }

        var left = CanonicalByline(extracted);
        var right = CanonicalByline(expected);
        return left.Length > 0 && right.Length > 0 && (left.Contains(right, StringComparison.Ordinal) || right.Contains(left, StringComparison.Ordinal));
    }

    /// <summary>Dates: the same instant, to the second. Values without an offset are read as UTC.</summary>
    public static bool SameInstant(DateTimeOffset? extracted, string expected) =>
        extracted is { } value && ParseInstant(expected) is { } instant
        && Math.Abs((value.ToUniversalTime() - instant.ToUniversalTime()).TotalSeconds) < 1;

    /// <summary>
    /// Content start: with all whitespace removed from both, the expected text begins within the first
    /// <paramref name="window"/> characters of the extracted text (captions or a dek before the first paragraph
    /// are tolerated, a different article is not).
    /// </summary>
    public static bool StartsNear(string extractedText, string expectedStart, int window)
    {
        var text = RemoveWhitespace(extractedText);
        var start = RemoveWhitespace(expectedStart);
        if (start.Length == 0)
        {
            return false;
        }

        var index = text.IndexOf(start, StringComparison.OrdinalIgnoreCase);
        return index >= 0 && index <= window;
    }

    public static DateTimeOffset? ParseInstant(string value)
    {
        var text = ColonlessOffset().Replace(value.Trim(), "$1:$2");
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
    }

    private static string CanonicalByline(string byline)
    {
        var text = Collapse(byline).ToLowerInvariant();
        text = Brackets().Replace(text, " ");
        text = Label().Replace(text, " ");
        text = Separators().Replace(text, ", ");
        return Collapse(text).Trim(' ', ',');
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string LettersAndDigits(string text) => string.Concat(text.Where(char.IsLetterOrDigit)).ToLowerInvariant();

    private static string RemoveWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?[+-]\d{2})(\d{2})$")]
    private static partial Regex ColonlessOffset();

    [GeneratedRegex(@"(\s+[|\-–—·]\s+)")]
    private static partial Regex TitleSeparator();

    [GeneratedRegex(@"[\[\]《》【】()（）]")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"(^|\s)(?:(?:by|written by|posted by|par|por|von)\b|著者|作者|翻訳者|文●?)\s*[:：]?\s*")]
    private static partial Regex Label();

    [GeneratedRegex(@"\s*(,|;|&|\||\b(?:and|et|und|y)\b|、|，)\s*")]
    private static partial Regex Separators();
}
