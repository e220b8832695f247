namespace Pipeline.Core.Enrichment;

/// <summary>
/// A deliberately small language guess from function words. It only claims English when the evidence is clear;
/// everything else stays unknown rather than wrong.
/// </summary>
public static class LanguageGuesser
{
    private static readonly HashSet<string> EnglishFunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "of", "to", "a", "in", "is", "that", "for", "it", "with", "as", "was", "on", "are", "be", "by",
        "this", "have", "from", "at", "has", "an", "but", "not", "they", "his", "her", "their", "which", "will",
    };

    public static string? Guess(string text)
    {
        var words = 0;
        var hits = 0;
        foreach (var token in text.Split((char[]?)null, 2_000, StringSplitOptions.RemoveEmptyEntries))
        {
            words++;
            if (EnglishFunctionWords.Contains(token.Trim(',', '.', ';', ':', '"', '“', '”', '(', ')')))
            {
                hits++;
            }
        }

        return words >= 10 && hits * 100 / words >= 15 ? "en" : null;
    }
}
