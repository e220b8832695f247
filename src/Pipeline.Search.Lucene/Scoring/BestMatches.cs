using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Pipeline.Search.Lucene.Indexing;

namespace Pipeline.Search.Lucene.Scoring;

/// <summary>
/// The best matches so far, highest score first and equal scores by id, as <c>SortOrder.ByRelevance</c> orders them.
/// A match's id is read only when it enters, which after the first few hundred matches is rare.
/// </summary>
internal sealed class BestMatches(int capacity)
{
    // A heap with the worst kept match at the root.
    private readonly Match[] _heap = new Match[capacity];
    private readonly BytesRef _scratch = new();
    private int _count;
    private SortedDocValues? _ids;
    private int _docBase;

    /// <summary>No match scoring below this can enter: the worst kept score once full, until then negative infinity.</summary>
    public float Threshold => _count < _heap.Length ? float.NegativeInfinity : _heap[0].Score;

    public void SetNextReader(AtomicReaderContext segment)
    {
        _ids = segment.AtomicReader.GetSortedDocValues(IndexFieldNames.Id);
        _docBase = segment.DocBase;
    }

    /// <param name="document">The document's number in the current segment.</param>
    public void Offer(int document, float score)
    {
        if (_count < _heap.Length)
        {
            _heap[_count] = new Match(_docBase + document, score, ReadId(document));
            SiftUp(_count++);
            return;
        }

        var worst = _heap[0];
        if (score < worst.Score)
        {
            return;
        }

        if (score == worst.Score)
        {
            ReadId(document, _scratch);
            if (_scratch.CompareTo(worst.Id) >= 0)
            {
                return;
            }
        }

        _heap[0] = new Match(_docBase + document, score, ReadId(document));
        SiftDown(0);
    }

    /// <summary>The kept matches, best first, with document numbers of the whole index.</summary>
    public ScoreDoc[] ToScoreDocs()
    {
        var matches = _heap.AsSpan(0, _count).ToArray();
        Array.Sort(matches, (a, b) => IsWorse(a, b) ? 1 : IsWorse(b, a) ? -1 : 0);
        return Array.ConvertAll(matches, match => new ScoreDoc(match.Document, match.Score));
    }

    private static bool IsWorse(in Match a, in Match b) =>
        a.Score < b.Score || (a.Score == b.Score && a.Id.CompareTo(b.Id) > 0);

    private BytesRef ReadId(int document)
    {
        ReadId(document, _scratch);
        return BytesRef.DeepCopyOf(_scratch);
    }

    private void ReadId(int document, BytesRef into)
    {
        if (_ids is null)
        {
            into.Length = 0;
            return;
        }

        _ids.Get(document, into);
    }

    private void SiftUp(int index)
    {
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (!IsWorse(_heap[index], _heap[parent]))
            {
                return;
            }

            (_heap[index], _heap[parent]) = (_heap[parent], _heap[index]);
            index = parent;
        }
    }

    private void SiftDown(int index)
    {
        while (true)
        {
            var worst = index;
            var left = (2 * index) + 1;
            var right = left + 1;
            if (left < _count && IsWorse(_heap[left], _heap[worst]))
            {
                worst = left;
            }

            if (right < _count && IsWorse(_heap[right], _heap[worst]))
            {
                worst = right;
            }

            if (worst == index)
            {
                return;
            }

            (_heap[index], _heap[worst]) = (_heap[worst], _heap[index]);
            index = worst;
        }
    }

    private readonly record struct Match(int Document, float Score, BytesRef Id);
}
