using Pipeline.Bench.Extraction.Extractors;

namespace Pipeline.Bench.Extraction.Scoring;

/// <summary>One extractor's scores on one readability case. A null field result means "not scored".</summary>
internal sealed record ReadabilityScore(TokenScore Text, bool? Title, bool? TitleIgnoringSiteName, bool? Byline, bool? Published, bool? SiteName, ExtractedArticle Output);

/// <summary>One extractor's scores on one postlight case. A null field result means "not scored".</summary>
internal sealed record PostlightScore(bool? Title, bool? Author, bool? Published, bool? ContentStart, ExtractedArticle Output);

/// <summary>Scores of every extractor on one case, keyed by extractor name.</summary>
internal sealed record CaseResult<TScore>(string CaseName, IReadOnlyDictionary<string, TScore> Scores);

internal static class Statistics
{
    public static double Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? double.NaN : list.Average();
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Correct and scored counts over the cases where <paramref name="field"/> was scored.</summary>
    public static (int Correct, int Scored) Accuracy<TScore>(IEnumerable<TScore> scores, Func<TScore, bool?> field)
    {
        var results = scores.Select(field).Where(r => r.HasValue).Select(r => r!.Value).ToList();
        return (results.Count(r => r), results.Count);
    }
}
