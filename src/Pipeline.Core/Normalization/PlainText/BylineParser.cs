using System.Text.RegularExpressions;

namespace Pipeline.Core.Normalization.PlainText;

/// <summary>
/// Finds who wrote a scraped article and removes the byline furniture around it: avatar image captions
/// ("Jordan Hayes Avatar"), bylines whose name was a link that the scrape dropped (a bare "By"), and real bylines
/// ("By Jane Doe and John Roe").
/// </summary>
/// <remarks>
/// An avatar caption next to a byline names the writer: page templates put the author's photo beside the "By" line
/// and the scrape keeps the photo's alt text even when it loses the linked name. So "X Avatar" adjacent to a "By"
/// line (blank lines aside) makes X an author. An avatar caption elsewhere (for example above a trailing
/// related-stories list) is removed as furniture but names nobody, since nothing ties it to this article.
/// Bylines with names are only trusted in the head of the article, before the first paragraph of prose, so that a
/// line like "By Royal Appointment" further down is left as text.
/// </remarks>
internal static partial class BylineParser
{
    // One to five name words, the first and last capitalised ("Jordan Hayes", "Ana de Armas", "J. R. Smith",
    // "Ngũgĩ wa Thiong'o"), so that "By Monday morning" or "By the way" are not taken for names.
    private const string Name = @"\p{Lu}[\p{L}\p{M}.'’\-]*(?:(?: [\p{L}\p{M}.'’\-]+){0,3} \p{Lu}[\p{L}\p{M}.'’\-]*)?";

    // Longer lines starting with "By" are sentences ("By the end of the year, ..."), not bylines.
    private const int MaxBylineWords = 16;

    // Job titles that follow a name in a byline ("By Jane Doe, Staff Writer") and are not people.
    private static readonly string[] RoleWords =
    [
        "writer", "reporter", "correspondent", "editor", "staff", "contributor", "columnist", "desk", "team",
    ];

    /// <summary>
    /// Removes avatar captions and empty bylines anywhere, and head bylines; blanks the lines in place so block
    /// boundaries are kept.
    /// </summary>
    /// <returns>The authors found, in order, without duplicates.</returns>
    public static IReadOnlyList<string> ExtractAuthors(IList<string> lines)
    {
        var authors = new List<string>();
        var furniture = new List<int>();
        var inHead = true;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (TryParseAvatarCaption(line, out var name))
            {
                if (IsNextToBylineLine(lines, i))
                {
                    AddAuthor(authors, name);
                }

                furniture.Add(i);
            }
            else if (IsEmptyByline(line))
            {
                furniture.Add(i);
            }
            else if (inHead && TryParseByline(line, out var names))
            {
                foreach (var author in names)
                {
                    AddAuthor(authors, author);
                }

                furniture.Add(i);
            }
            else if (IsProse(line))
            {
                inHead = false;
            }
        }

        // Blanked only now: an avatar caption after its "By" line must still see that line when it is checked.
        foreach (var index in furniture)
        {
            lines[index] = string.Empty;
        }

        return authors;
    }

    /// <summary>"Jordan Hayes Avatar" → "Jordan Hayes".</summary>
    public static bool TryParseAvatarCaption(string line, out string name)
    {
        var match = AvatarCaptionPattern().Match(LineText.CollapseWhitespace(line));
        name = match.Success ? match.Groups["name"].Value : string.Empty;
        return match.Success;
    }

    /// <summary>A byline that lost its name: "By", "By:", "Written by".</summary>
    public static bool IsEmptyByline(string line) => EmptyBylinePattern().IsMatch(line);

    /// <summary>"By Jane Doe" → ["Jane Doe"]; "By Jane Doe and John Roe" → ["Jane Doe", "John Roe"].</summary>
    public static bool TryParseByline(string line, out IReadOnlyList<string> authors)
    {
        authors = [];
        var match = BylinePattern().Match(LineText.CollapseWhitespace(line));
        if (!match.Success || LineText.EndsSentence(line) || LineText.CountWords(line) > MaxBylineWords)
        {
            return false;
        }

        var names = new List<string>();
        foreach (var part in NameSeparatorPattern().Split(match.Groups["names"].Value))
        {
            var candidate = part.Trim();
            if (candidate.Length == 0 || IsRole(candidate))
            {
                continue;
            }

            if (!PersonNamePattern().IsMatch(candidate))
            {
                return false;
            }

            names.Add(candidate);
        }

        authors = names;
        return names.Count > 0;
    }

    private static bool IsNextToBylineLine(IList<string> lines, int index)
    {
        return IsBylineLine(NeighbourLine(lines, index, -1)) || IsBylineLine(NeighbourLine(lines, index, +1));

        static bool IsBylineLine(string? line) => line is not null && (IsEmptyByline(line) || TryParseByline(line, out _));
    }

    private static string? NeighbourLine(IList<string> lines, int index, int step)
    {
        for (var i = index + step; i >= 0 && i < lines.Count; i += step)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                return lines[i];
            }
        }

        return null;
    }

    private static bool IsProse(string line) => LineText.CountWords(line) >= 8 && LineText.EndsSentence(line);

    private static bool IsRole(string part) =>
        part.Split(' ').Any(word => RoleWords.Contains(word.ToLowerInvariant()));

    private static void AddAuthor(List<string> authors, string name)
    {
        if (!authors.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            authors.Add(name);
        }
    }

    [GeneratedRegex($@"^(?<name>{Name}) [Aa]vatar$")]
    private static partial Regex AvatarCaptionPattern();

    [GeneratedRegex(@"^\s*(?:written )?by:?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex EmptyBylinePattern();

    [GeneratedRegex(@"^(?:[Ww]ritten )?[Bb]y:? (?<names>[^!?:;]+)$")]
    private static partial Regex BylinePattern();

    [GeneratedRegex(@",\s*(?:and\s+)?|\s+and\s+|\s*&\s*")]
    private static partial Regex NameSeparatorPattern();

    [GeneratedRegex($@"^{Name}$")]
    private static partial Regex PersonNamePattern();
}
