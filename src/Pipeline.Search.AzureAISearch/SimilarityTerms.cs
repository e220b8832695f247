using System.Text.RegularExpressions;

namespace Pipeline.Search.AzureAISearch;

/// <summary>
/// Picks the terms that best characterise an article for a similarity query: frequent, non-trivial words, with
/// title words counted double because headlines name the subject.
/// </summary>
internal static partial class SimilarityTerms
{
    public const int MaxTerms = 12;

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by", "can", "could",
        "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "his", "how", "i", "if", "in", "into", "is",
        "it", "its", "just", "last", "more", "most", "mr", "new", "no", "not", "now", "of", "on", "one", "or", "other",
        "our", "out", "over", "said", "says", "she", "so", "some", "than", "that", "the", "their", "them", "then", "there",
        "these", "they", "this", "those", "to", "two", "up", "us", "was", "we", "were", "what", "when", "which", "while",
        "who", "will", "with", "would", "year", "years", "you",
    };

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
            if (word.Length > 2 && !StopWords.Contains(word))
            {
                counts[word] = counts.GetValueOrDefault(word) + weight;
            }
        }
    }

    private static IEnumerable<string> Words(string text) => WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant());

    [GeneratedRegex(@"\p{L}[\p{L}\p{N}]*")]
    private static partial Regex WordPattern();
}
