using Lucene.Net.Index;
using Pipeline.Core.Search.Facets;

namespace Pipeline.Search.Lucene.Facets;

/// <summary>Counts one facet segment by segment; document numbers passed to <see cref="Collect"/> are segment-local.</summary>
internal abstract class FacetAccumulator
{
    public abstract void SetNextReader(AtomicReader segment);

    public abstract void Collect(int doc);

    /// <summary>The buckets in the order the facet defines; call once, after the last segment.</summary>
    public abstract IReadOnlyList<FacetBucket> Buckets();

    /// <summary>The most frequent values first; equal counts in value order, so results do not depend on segment layout.</summary>
    protected static IReadOnlyList<FacetBucket> TopValues<TValue>(
        Dictionary<TValue, long> counts, int top, IComparer<TValue> order, Func<TValue, string> format)
        where TValue : notnull =>
        counts
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, order)
            .Take(top)
            .Select(pair => new FacetBucket(pair.Value) { Value = format(pair.Key) })
            .ToList();
}
