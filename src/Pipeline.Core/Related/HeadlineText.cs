using System.Globalization;
using System.Text;
using Pipeline.Core.Enrichment;
using Pipeline.Core.Normalization.PlainText;

namespace Pipeline.Core.Related;

/// <summary>
/// The forms in which headlines and titles are compared, from strict to loose. Each one forgives only differences a
/// reader would not notice or would not call a different headline.
/// </summary>
internal static class HeadlineText
{
    /// <summary>
    /// The text with white space trimmed and collapsed, in Unicode canonical composition (NFC): "é" typed as one
    /// character or as "e" plus an accent is the same text, not merely a similar one.
    /// </summary>
    public static string Exact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return LineText.CollapseWhitespace(text.Normalize(NormalizationForm.FormC));
    }

    /// <summary>
    /// The words alone: compatibility forms folded (NFKC: ligatures, full-width letters), accents removed, lower case
    /// (with ß as ss), apostrophes and points dropped so "Thilthorpe’s", "Thilthorpe's" and "U.S."/"US" agree,
    /// "&amp;" read as "and", and every other mark (quotes of any style, dashes, colons, symbols) read as a space.
    /// </summary>
    public static string Normalized(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormKC).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (Rune.IsLetterOrDigit(rune))
            {
                var lower = Rune.ToLowerInvariant(rune);
                if (lower.Value == 'ß')
                {
                    builder.Append("ss");
                }
                else
                {
                    builder.Append(lower);
                }

                continue;
            }

            switch (rune.Value)
            {
                case '\'' or '’' or '‘' or '‛' or 'ʼ' or '.' or ',':
                    break;
                case '&':
                    builder.Append(" and ");
                    break;
                default:
                    builder.Append(' ');
                    break;
            }
        }

        return LineText.CollapseWhitespace(builder.ToString().Normalize(NormalizationForm.FormC));
    }

    /// <summary>
    /// The distinct content words of the <see cref="Normalized"/> text: stop words of the language (and of English,
    /// as <see cref="StopWords.Contains"/> has it) left out, and in English plural endings removed
    /// (<see cref="EnglishPluralStemmer"/>).
    /// </summary>
    public static IReadOnlySet<string> ContentWords(string text, string? language)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Normalized(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!StopWords.Contains(word, language))
            {
                words.Add(Stem(word, language));
            }
        }

        return words;
    }

    /// <summary>A keyphrase's words (already lower case and free of stop words), stemmed as <see cref="ContentWords"/> does.</summary>
    public static string[] PhraseWords(string phrase, string? language) =>
        [.. Normalized(phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word => Stem(word, language))];

    private static string Stem(string word, string? language) =>
        language is null or "en" ? EnglishPluralStemmer.Stem(word) : word;
}
