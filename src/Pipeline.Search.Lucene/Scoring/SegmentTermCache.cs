using Lucene.Net.Index;

namespace Pipeline.Search.Lucene.Scoring;

/// <summary>
/// The terms searches looked up, per segment, least recently used out first: frequent terms with their postings
/// decoded, rare and absent ones with where they are. A common word's postings are most of what a search reads, and
/// decoding them costs more than scoring them; looking a word up in each segment's term dictionary costs as much
/// again. Done once, both serve every later search until the segment is merged away, since a segment never changes
/// (its deletions are read from the reader at search time).
/// </summary>
internal sealed class SegmentTermCache
{
    /// <summary>Terms in fewer documents of a segment than this have their postings read from the index every time.</summary>
    public const int DefaultMinimumDocumentFrequency = 32;

    private readonly long _capacityBytes;
    private readonly int _minimumDocumentFrequency;
    private readonly Lock _lock = new();
    private readonly Dictionary<(object Core, Term Term), LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recency = new();
    private readonly HashSet<object> _watchedCores = new(ReferenceEqualityComparer.Instance);
    private readonly CoreDisposedListener _coreDisposed;
    private long _bytes;

    /// <param name="minimumDocumentFrequency">Terms in fewer documents of a segment have their postings read from the index every time.</param>
    public SegmentTermCache(long capacityBytes, int minimumDocumentFrequency = DefaultMinimumDocumentFrequency)
    {
        _capacityBytes = capacityBytes;
        _minimumDocumentFrequency = minimumDocumentFrequency;
        _coreDisposed = new CoreDisposedListener(this);
    }

    /// <summary>The memory the kept terms take, roughly.</summary>
    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The term in the segment, from the cache or looked up (and kept) now.</summary>
    public SegmentTerm Get(AtomicReader segment, Term term)
    {
        var key = (segment.CoreCacheKey, term);
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value.Term;
            }
        }

        // Looked up outside the lock: two searches may look up the same term at once, and the second replaces the first.
        var found = LookUp(segment, term);
        Add(segment, term, found);
        return found;
    }

    private SegmentTerm LookUp(AtomicReader segment, Term term)
    {
        var termsEnum = segment.GetTerms(term.Field)?.GetEnumerator();
        if (termsEnum is null || !termsEnum.SeekExact(term.Bytes))
        {
            return SegmentTerm.Absent;
        }

        var documentFrequency = termsEnum.DocFreq;
        if (_capacityBytes > 0 && documentFrequency >= _minimumDocumentFrequency)
        {
            var state = termsEnum.GetTermState();
            var postings = TermPostings.Read(termsEnum.Docs(liveDocs: null, reuse: null, DocsFlags.FREQS), segment.GetNormValues(term.Field), documentFrequency);
            return postings is null ? SegmentTerm.InIndex(documentFrequency, state) : SegmentTerm.Decoded(postings);
        }

        return SegmentTerm.InIndex(documentFrequency, termsEnum.GetTermState());
    }

    private void Add(AtomicReader segment, Term term, SegmentTerm found)
    {
        // Only a segment reader says when its core goes, and only then can its entries be dropped in time.
        if (segment is not SegmentReader segmentReader || found.Bytes > _capacityBytes)
        {
            return;
        }

        var key = (segment.CoreCacheKey, term);
        lock (_lock)
        {
            if (_watchedCores.Add(key.CoreCacheKey))
            {
                segmentReader.AddCoreDisposedListener(_coreDisposed);
            }

            if (_entries.Remove(key, out var existing))
            {
                Forget(existing);
            }

            while (_bytes + found.Bytes > _capacityBytes && _recency.Last is { } oldest)
            {
                _entries.Remove(oldest.Value.Key);
                Forget(oldest);
            }

            _entries.Add(key, _recency.AddFirst(new Entry(key, found)));
            _bytes += found.Bytes;
        }
    }

    private void Forget(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _bytes -= node.Value.Term.Bytes;
    }

    private void DropCore(object core)
    {
        lock (_lock)
        {
            _watchedCores.Remove(core);
            for (var node = _recency.First; node is not null;)
            {
                var next = node.Next;
                if (ReferenceEquals(node.Value.Key.Core, core))
                {
                    _entries.Remove(node.Value.Key);
                    Forget(node);
                }

                node = next;
            }
        }
    }

    private sealed record Entry((object Core, Term Term) Key, SegmentTerm Term);

    private sealed class CoreDisposedListener(SegmentTermCache owner) : SegmentReader.ICoreDisposedListener
    {
        public void OnDispose(object ownerCoreCacheKey) => owner.DropCore(ownerCoreCacheKey);
    }
}
