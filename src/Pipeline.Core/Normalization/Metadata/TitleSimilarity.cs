using System.Text.RegularExpressions;

namespace Pipeline.Core.Normalization.Metadata;

/// <summary>How much of a document title a candidate title covers, as Readability measures it.</summary>
internal static partial class TitleSimilarity
{
    /// <summary>
    /// 1 minus the share of <paramref name="documentTitle"/>'s text (by characters of its words) made of words that
    /// <paramref name="candidate"/> lacks; 0 when there is no document title.
    /// </summary>
    public static double Score(string candidate, string? documentTitle)
    {
        var titleWords = Words(documentTitle);
        if (titleWords.Count == 0)
        {
            return 0;
        }

        var candidateWords = Words(candidate).ToHashSet(StringComparer.Ordinal);
        var uniqueLength = string.Join(' ', titleWords.Where(w => !candidateWords.Contains(w))).Length;
        return 1 - ((double)uniqueLength / string.Join(' ', titleWords).Length);
    }

    private static List<string> Words(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. NonWord().Split(text.ToLowerInvariant()).Where(w => w.Length > 0)];

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();
}
