using System.Text;

namespace Pipeline.Core.Enrichment;

/// <summary>
/// The article's own opening sentences as its summary: news is written lead first, so the first sentences are the
/// best short account of a story that needs no model to produce.
/// </summary>
public static class LeadSummary
{
    /// <summary>Longest summary in chars.</summary>
    public const int MaxLength = 300;

    public const int MaxSentences = 3;

    /// <summary>Shorter paragraphs are labels, captions or fact-box lines ("The Haka and more!"), not a lead.</summary>
    private const int MinWordsOfParagraph = 5;

    /// <summary>Paragraphs that end without a sentence mark and are this short are captions or datelines, not prose.</summary>
    private const int MinWordsOfUnpunctuatedParagraph = 8;

    /// <summary>
    /// Up to <see cref="MaxSentences"/> leading sentences of <paramref name="paragraphs"/> that together fit in
    /// <see cref="MaxLength"/> chars; null when there is no prose. Only when the very first sentence is longer than that
    /// is it shortened, at a word boundary and marked with "…".
    /// </summary>
    public static string? Summarize(IEnumerable<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var summary = new StringBuilder();
        var sentences = 0;
        foreach (var paragraph in paragraphs)
        {
            if (!IsProse(paragraph))
            {
                continue;
            }

            foreach (var sentence in SentenceSplitter.Split(paragraph))
            {
                var separator = summary.Length == 0 || EndsWithCjkStop(summary) ? string.Empty : " ";
                if (summary.Length + separator.Length + sentence.Length > MaxLength)
                {
                    return summary.Length == 0 ? Shorten(sentence) : summary.ToString();
                }

                summary.Append(separator).Append(sentence);
                if (++sentences == MaxSentences)
                {
                    return summary.ToString();
                }
            }
        }

        return summary.Length == 0 ? null : summary.ToString();
    }

    private static bool IsProse(string paragraph)
    {
        var text = paragraph.AsSpan().Trim();
        if (text.IsEmpty || text.StartsWith("• ", StringComparison.Ordinal))
        {
            return false;
        }

        var words = TextStatistics.CountWords(paragraph);
        var unquoted = text.TrimEnd("\"'”’»)]」』）");
        var last = unquoted.IsEmpty ? '\0' : unquoted[^1];
        return words >= MinWordsOfUnpunctuatedParagraph
            || (words >= MinWordsOfParagraph && last is '.' or '!' or '?' or '…' or '。' or '！' or '？');
    }

    private static bool EndsWithCjkStop(StringBuilder summary) =>
        summary[^1] is '。' or '！' or '？' or '｡' or '」' or '』';

    private static string Shorten(string sentence)
    {
        var cut = sentence.LastIndexOf(' ', MaxLength - 1);
        if (cut <= MaxLength / 2)
        {
            // Unspaced scripts: cut between characters, never inside a surrogate pair.
            cut = char.IsHighSurrogate(sentence[MaxLength - 2]) ? MaxLength - 2 : MaxLength - 1;
        }

        var kept = sentence[..cut];
        return kept.TrimEnd(' ', ',', ';', ':', '-', '–', '—') + "…";
    }
}
