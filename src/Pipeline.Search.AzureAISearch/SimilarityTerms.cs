using System.Text.RegularExpressions;
using Pipeline.Core.Enrichment;

namespace Pipeline.Search.AzureAISearch;

/// <summary>
/// Picks the terms that best characterise an article for a similarity query: frequent, non-trivial words, with
/// title words counted double because headlines name the subject. Stop words are the ones the embedded index's
/// similarity leaves out too, so both backends explain a match with the same kind of words.
/// </summary>
internal static partial class SimilarityTerms
{
    public const int MaxTerms = 12;

    public static IReadOnlyList<string> Select(string title, string body)
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        Count(title, 2, counts);
        Count(body, 1, counts);
        return counts
            .Where(pair => pair.Value >= 2)
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(MaxTerms)
            .Select(pair => pair.Key)
            .ToList();
    }

    public static IReadOnlyList<string> Shared(IReadOnlyList<string> terms, string title, string body)
    {
        var words = new HashSet<string>(Words(title).Concat(Words(body)), StringComparer.OrdinalIgnoreCase);
        return terms.Where(words.Contains).ToList();
    }

    private static void Count(string text, int weight, Dictionary<string, int> counts)
    {
        foreach (var word in Words(text))
        {
            if (word.Length > 2 && !StopWords.EnglishWords.Contains(word))
            {
                counts[word] = counts.GetValueOrDefault(word) + weight;
            }
        }
    }

    private static IEnumerable<string> Words(string text) => WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant());

    [GeneratedRegex(@"\p{L}[\p{L}\p{N}]*")]
    private static partial Regex WordPattern();
}
