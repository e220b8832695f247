using Lucene.Net.Index;
using Lucene.Net.Util;
using Pipeline.Core.Search.Facets;
using Pipeline.Search.Lucene.Indexing;

namespace Pipeline.Search.Lucene.Facets;

/// <summary>
/// Counts the exact values of a string field. Within a segment it counts by ordinal (an array increment per value);
/// at the end of the segment it resolves the ordinals it saw to strings, so strings are built once per distinct value.
/// </summary>
internal abstract class ValueAccumulator(int top) : FacetAccumulator
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private int[] _segmentCounts = [];

    public static ValueAccumulator For(string publicName, int top)
    {
        var field = IndexFieldNames.ExactFieldOf(publicName)
            ?? throw new InvalidOperationException($"'{publicName}' has no exact-value field to count.");
        return publicName is Core.Search.ArticleFieldNames.Authors or Core.Search.ArticleFieldNames.Tags
            ? new MultiValued(field, top)
            : new SingleValued(field, top);
    }

    public override void SetNextReader(AtomicReader segment)
    {
        Flush();
        _segmentCounts = new int[Open(segment)];
    }

    public override IReadOnlyList<FacetBucket> Buckets()
    {
        Flush();
        return TopValues(_counts, top, StringComparer.Ordinal, value => value);
    }

    /// <summary>Opens the segment's doc values and returns how many distinct values it has.</summary>
    protected abstract int Open(AtomicReader segment);

    protected abstract void LookupOrd(int ord, BytesRef bytes);

    protected void Count(long ord) => _segmentCounts[ord]++;

    private void Flush()
    {
        var bytes = new BytesRef();
        for (var ord = 0; ord < _segmentCounts.Length; ord++)
        {
            if (_segmentCounts[ord] > 0)
            {
                LookupOrd(ord, bytes);
                var value = bytes.Utf8ToString();
                _counts[value] = _counts.GetValueOrDefault(value) + _segmentCounts[ord];
            }
        }

        _segmentCounts = [];
    }

    private sealed class SingleValued(string field, int top) : ValueAccumulator(top)
    {
        private SortedDocValues? _values;

        public override void Collect(int doc)
        {
            var ord = _values?.GetOrd(doc) ?? -1;
            if (ord >= 0)
            {
                Count(ord);
            }
        }

        protected override int Open(AtomicReader segment)
        {
            _values = segment.GetSortedDocValues(field);
            return _values?.ValueCount ?? 0;
        }

        protected override void LookupOrd(int ord, BytesRef bytes) => _values!.LookupOrd(ord, bytes);
    }

    private sealed class MultiValued(string field, int top) : ValueAccumulator(top)
    {
        private SortedSetDocValues? _values;

        public override void Collect(int doc)
        {
            if (_values is null)
            {
                return;
            }

            _values.SetDocument(doc);
            for (var ord = _values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = _values.NextOrd())
            {
                Count(ord);
            }
        }

        protected override int Open(AtomicReader segment)
        {
            _values = segment.GetSortedSetDocValues(field);
            return (int)(_values?.ValueCount ?? 0);
        }

        protected override void LookupOrd(int ord, BytesRef bytes) => _values!.LookupOrd(ord, bytes);
    }
}
