using System.Globalization;
using System.Text;

namespace Pipeline.Bench.Extraction.Scoring;

/// <summary>
/// The token definition both sides of a comparison share: lower-cased, split on whitespace, punctuation and symbols
/// trimmed from each end of a token, and every CJK character (Han, kana, Hangul) a token of its own, since those
/// scripts do not separate words with spaces and a whole sentence would otherwise be one token.
/// </summary>
internal static class TextTokens
{
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c))
            {
                Emit();
            }
            else if (IsCjk(c))
            {
                Emit();
                current.Append(c);
                Emit();
            }
            else
            {
                current.Append(char.ToLowerInvariant(c));
            }
        }

        Emit();
        return tokens;

        void Emit()
        {
            var token = current.ToString().AsSpan();
            current.Clear();
            var start = 0;
            var end = token.Length;
            while (start < end && IsPunctuationOrSymbol(token[start]))
            {
                start++;
            }

            while (end > start && IsPunctuationOrSymbol(token[end - 1]))
            {
                end--;
            }

            if (end > start)
            {
                tokens.Add(token[start..end].ToString());
            }
        }
    }

    /// <summary>Bag-of-tokens overlap: each token counts as often as it occurs on both sides.</summary>
    public static TokenScore Score(IReadOnlyList<string> extracted, IReadOnlyList<string> expected)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in expected)
        {
            counts[token] = counts.GetValueOrDefault(token) + 1;
        }

        var overlap = 0;
        foreach (var token in extracted)
        {
            if (counts.TryGetValue(token, out var remaining) && remaining > 0)
            {
                counts[token] = remaining - 1;
                overlap++;
            }
        }

        var precision = extracted.Count == 0 ? 0 : (double)overlap / extracted.Count;
        var recall = expected.Count == 0 ? 0 : (double)overlap / expected.Count;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new TokenScore(precision, recall, f1, extracted.Count, expected.Count);
    }

    private static bool IsPunctuationOrSymbol(char c) => char.IsPunctuation(c) || char.IsSymbol(c);

    private static bool IsCjk(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter && c switch
    {
        >= '\u3040' and <= '\u30FF' => true, // Hiragana, Katakana
        >= '\u3400' and <= '\u4DBF' => true, // CJK Extension A
        >= '\u4E00' and <= '\u9FFF' => true, // CJK Unified Ideographs
        >= '\uAC00' and <= '\uD7AF' => true, // Hangul syllables
        >= '\uF900' and <= '\uFAFF' => true, // CJK Compatibility Ideographs
        _ => false,
    };
}

internal sealed record TokenScore(double Precision, double Recall, double F1, int ExtractedTokens, int ExpectedTokens);
