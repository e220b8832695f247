using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Core.Normalization.Metadata;

/// <summary>
/// Reads the machine-readable timestamps pages put in metadata: ISO 8601 (with or without an offset, with a
/// colon-less offset such as <c>+0100</c>) and RFC 1123. A value without an offset is taken as UTC: that is what
/// publishing systems that omit it almost always mean, and a stored instant is more useful than none.
/// </summary>
internal static partial class DateValue
{
    public static DateTimeOffset? Parse(string? value) => TryParse(value, out var parsed, out _) ? parsed : null;

    /// <param name="value">The text to read.</param>
    /// <param name="parsed">The instant; midnight UTC for a date without a time.</param>
    /// <param name="hasTime">False when the text gives only a day.</param>
    public static bool TryParse(string? value, out DateTimeOffset parsed, out bool hasTime)
    {
        parsed = default;
        hasTime = false;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var text = value.Trim();

        // Without a four-digit year the parser would fill in today's date ("11:05 IST" is a time, not a date).
        if (!YearPattern().IsMatch(text))
        {
            return false;
        }

        text = ColonlessOffset().Replace(text, "$1:$2");
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out parsed)
            || parsed.Year is < 1900 or > 2200)
        {
            return false;
        }

        hasTime = TimePattern().IsMatch(text);
        return true;
    }

    /// <summary>
    /// The first of <paramref name="candidates"/> (in precedence order) that parses, except that a bare day gives way
    /// to a later full timestamp on the same day: "2016-12-15" in a meta tag and "2016-12-15T15:33:00-05:00" in the
    /// page are one publication time, stated with different precision.
    /// </summary>
    public static DateTimeOffset? Choose(IEnumerable<string?> candidates)
    {
        DateTimeOffset? day = null;
        foreach (var candidate in candidates)
        {
            if (!TryParse(candidate, out var parsed, out var hasTime))
            {
                continue;
            }

            if (hasTime)
            {
                if (day is null || DateOnly.FromDateTime(parsed.DateTime) == DateOnly.FromDateTime(day.Value.DateTime))
                {
                    return parsed;
                }
            }
            else
            {
                day ??= parsed;
            }
        }

        return day;
    }

    [GeneratedRegex(@"(?<!\d)(19|20|21)\d{2}(?!\d)")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"\d{1,2}:\d{2}")]
    private static partial Regex TimePattern();

    // "2015-07-24T05:36:09+0100": .NET wants "+01:00".
    [GeneratedRegex(@"(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?[+-]\d{2})(\d{2})$")]
    private static partial Regex ColonlessOffset();
}
