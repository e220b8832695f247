using System.Text.RegularExpressions;

namespace Pipeline.Core.Normalization.PlainText;

/// <summary>
/// Recognises list-item lines ("• Headline", " - item", "* item", "1. step") so that a list keeps one paragraph per
/// item instead of being joined into one run-on paragraph like a hard-wrapped line would be.
/// </summary>
/// <remarks>
/// Bulleted items are written back with one consistent "• " prefix whatever glyph the source used: paragraphs are
/// plain strings, so the prefix is the only way a reader (or the API) can still tell a list item from a sentence.
/// Numbered items keep their number, which is content.
/// </remarks>
internal static partial class ListItemLine
{
    public const string BulletPrefix = "• ";

    /// <summary>True when the line starts with a bullet glyph or a list number.</summary>
    public static bool IsListItem(string line) => BulletPattern().IsMatch(line) || NumberPattern().IsMatch(line);

    /// <summary>The item's text without its bullet glyph; the line itself when it is not a bulleted item.</summary>
    public static string StripBullet(string line)
    {
        var match = BulletPattern().Match(line);
        return match.Success ? line[match.Length..].Trim() : line.Trim();
    }

    /// <summary>The item as a paragraph: "• text" for bulleted items, unchanged for numbered ones.</summary>
    public static string ToParagraph(string line) =>
        BulletPattern().IsMatch(line) ? BulletPrefix + StripBullet(line) : line.Trim();

    // A glyph followed by whitespace; "-" and "*" need the space so that "-5C" or "*emphasis*" are not lists.
    [GeneratedRegex(@"^\s*[•●▪◦‣∙·*\-]\s+")]
    private static partial Regex BulletPattern();

    [GeneratedRegex(@"^\s*\d{1,2}[.)]\s+\S")]
    private static partial Regex NumberPattern();
}
