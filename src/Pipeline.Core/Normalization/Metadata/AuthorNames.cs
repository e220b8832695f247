using System.Text.RegularExpressions;

namespace Pipeline.Core.Normalization.Metadata;

/// <summary>
/// Turns a byline as pages write it ("By Jane Doe and John Roe", "Par Sébastien Farcis", "Mike Cason | mcason@al.com")
/// into a list of names.
/// </summary>
internal static partial class AuthorNames
{
    // A real byline is a few names; anything longer is an author bio box or a paragraph caught by accident.
    private const int MaxBylineLength = 200;

    private const int MaxNameLength = 80;

    private static readonly char[] TrimmedCharacters = [' ', ',', ';', ':', '|', '-', '–', '—', '·', '•', '/', '(', ')', '[', ']', '《', '》'];

    /// <summary>Names in <paramref name="byline"/>, in order and without duplicates; empty when it holds none.</summary>
    public static IReadOnlyList<string> Parse(string? byline)
    {
        var text = MetadataText.Clean(byline);
        if (text is null || text.Length > MaxBylineLength || MetadataText.IsUrl(text))
        {
            return [];
        }

        text = Email().Replace(text, " ");
        text = DateAndAfter().Replace(text, string.Empty);
        text = Label().Replace(text, string.Empty);

        var names = new List<string>();
        foreach (var part in Separator().Split(text))
        {
            var name = Label().Replace(part.Trim(TrimmedCharacters), string.Empty).Trim(TrimmedCharacters);
            if (name.Length == 0 || name.Length > MaxNameLength || !name.Any(char.IsLetter) || MetadataText.IsUrl(name))
            {
                continue;
            }

            if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>Names from several values (JSON-LD author array, repeated meta tags), in order, without duplicates.</summary>
    public static IReadOnlyList<string> ParseAll(IEnumerable<string?> bylines)
    {
        var names = new List<string>();
        foreach (var byline in bylines)
        {
            foreach (var name in Parse(byline))
            {
                if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }

    // "By", "Written by", "Posted by", "Author:", and the French, Spanish, German and Italian equivalents, at the start.
    [GeneratedRegex(@"^\s*(?:(?:written|posted|words|story|reporting|text|photos?)\s+by|by|par|por|von|di|author|authors|autor|auteur)\b[\s:]*", RegexOptions.IgnoreCase)]
    private static partial Regex Label();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")]
    private static partial Regex Email();

    // Not Spanish "y" or Italian "e": they are also initials ("Laura E. Adkins").
    [GeneratedRegex(@"\s*(?:,|;|\||&|\band\b|\bund\b|\bet\b)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Separator();

    // Bylines printed with the date ("By Jane Doe December 28, 2016", "Jane Doe | Updated 2019-04-28"): the date and
    // whatever follows it are not names.
    [GeneratedRegex(@"(?:\b(?:updated|published|posted)\b[\s:]*)?(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b).*$", RegexOptions.IgnoreCase)]
    private static partial Regex DateAndAfter();
}
