namespace Pipeline.Bench.Relevance.Scoring;

/// <summary>The scores of one ranking against one query's judgments.</summary>
internal sealed record QueryScores(double NdcgAt10, double AveragePrecision, double RecallAt100);

/// <summary>Standard ranking metrics, as trec_eval defines them (linear gains, log2 discount).</summary>
internal static class RankingMetrics
{
    public const int NdcgDepth = 10;
    public const int Depth = 100;

    /// <param name="ranking">Document ids, best first; only the first <see cref="Depth"/> count.</param>
    /// <param name="relevant">Relevant documents and their gains (all positive).</param>
    public static QueryScores Score(IReadOnlyList<int> ranking, IReadOnlyDictionary<int, int> relevant)
    {
        var ranked = ranking.Take(Depth).ToList();
        return new QueryScores(Ndcg(ranked, relevant), AveragePrecision(ranked, relevant), Recall(ranked, relevant));
    }

    private static double Ndcg(List<int> ranked, IReadOnlyDictionary<int, int> relevant)
    {
        var dcg = Dcg(ranked.Take(NdcgDepth).Select(id => relevant.GetValueOrDefault(id)));
        var ideal = Dcg(relevant.Values.OrderDescending().Take(NdcgDepth));
        return ideal == 0 ? 0 : dcg / ideal;
    }

    private static double Dcg(IEnumerable<int> gains) =>
        gains.Select((gain, index) => gain / Math.Log2(index + 2)).Sum();

    /// <summary>Mean of the precision at each relevant hit, over all relevant documents (unretrieved ones count 0).</summary>
    private static double AveragePrecision(List<int> ranked, IReadOnlyDictionary<int, int> relevant)
    {
        var found = 0;
        var sum = 0.0;
        for (var i = 0; i < ranked.Count; i++)
        {
            if (relevant.ContainsKey(ranked[i]))
            {
                found++;
                sum += (double)found / (i + 1);
            }
        }

        return sum / relevant.Count;
    }

    private static double Recall(List<int> ranked, IReadOnlyDictionary<int, int> relevant) =>
        (double)ranked.Count(relevant.ContainsKey) / relevant.Count;
}
