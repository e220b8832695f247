namespace Pipeline.Bench.Relevance.Collections;

internal static class Judgments
{
    public static void Add(Dictionary<int, Dictionary<int, int>> judgments, int query, int document, int gain)
    {
        if (!judgments.TryGetValue(query, out var relevant))
        {
            judgments[query] = relevant = [];
        }

        relevant[document] = Math.Max(gain, relevant.GetValueOrDefault(document));
    }

    public static IReadOnlyDictionary<int, IReadOnlyDictionary<int, int>> Freeze(Dictionary<int, Dictionary<int, int>> judgments) =>
        judgments.ToDictionary(j => j.Key, j => (IReadOnlyDictionary<int, int>)j.Value);
}
