using System.Text;

namespace Pipeline.Bench.Extraction.Scoring;

/// <summary>
/// Snippet counts of one page, as the corpus's <c>score.py</c> counts them: a snippet is found when, after collapsing
/// whitespace, it is a substring of the extraction after collapsing whitespace.
/// </summary>
internal sealed record SnippetScore(int Found, int With, int Leaked, int Without)
{
    public static SnippetScore Score(string extracted, IReadOnlyList<string> with, IReadOnlyList<string> without)
    {
        var text = Collapse(extracted);
        var found = text.Length == 0 ? 0 : with.Count(s => text.Contains(Collapse(s), StringComparison.Ordinal));
        var leaked = text.Length == 0 ? 0 : without.Count(s => text.Contains(Collapse(s), StringComparison.Ordinal));
        return new SnippetScore(found, with.Count, leaked, without.Count);
    }

    /// <summary>Python's <c>re.sub(r"\s+", " ", text).strip()</c>: every Unicode whitespace run becomes one space.</summary>
    public static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '\x1c' or '\x1d' or '\x1e' or '\x1f')
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}

/// <summary>Pooled snippet counts over pages.</summary>
internal sealed record SnippetTotals(int TruePositives, int FalseNegatives, int FalsePositives, int TrueNegatives, int Pages)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static SnippetTotals Pool(IEnumerable<SnippetScore> scores)
    {
        int tp = 0, fn = 0, fp = 0, tn = 0, pages = 0;
        foreach (var s in scores)
        {
            tp += s.Found;
            fn += s.With - s.Found;
            fp += s.Leaked;
            tn += s.Without - s.Leaked;
            pages++;
        }

        return new SnippetTotals(tp, fn, fp, tn, pages);
    }
}
