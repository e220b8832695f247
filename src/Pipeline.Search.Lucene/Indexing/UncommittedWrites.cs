using Pipeline.Core.Articles;

namespace Pipeline.Search.Lucene.Indexing;

/// <summary>
/// The latest write of each article id since the last commit (a null article is a delete): what the index writes again
/// into a reopened writer after the old one failed, so a write acknowledged before a disk-full or a writer that closed
/// itself is not lost with the writer's memory.
/// </summary>
/// <remarks>Bounded by the commit batching: a commit forgets what it made durable.</remarks>
internal sealed class UncommittedWrites
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>The number of the last write recorded; a commit started after reading it holds every write up to it.</summary>
    public long Sequence
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Records a write the index writer accepted.</summary>
    public void Wrote(string id, Article? article)
    {
        lock (_gate)
        {
            _entries[id] = new Entry(article, ++_sequence);
        }
    }

    /// <summary>Forgets the writes up to <paramref name="sequence"/>, which a commit made durable.</summary>
    public void Committed(long sequence)
    {
        lock (_gate)
        {
            foreach (var (id, entry) in _entries.ToList())
            {
                if (entry.Sequence <= sequence)
                {
                    _entries.Remove(id);
                }
            }
        }
    }

    /// <summary>The writes to make again, oldest first, with the sequence they run up to.</summary>
    public (IReadOnlyList<KeyValuePair<string, Article?>> Writes, long UpTo) Snapshot()
    {
        lock (_gate)
        {
            var writes = _entries.OrderBy(pair => pair.Value.Sequence).Select(pair => KeyValuePair.Create(pair.Key, pair.Value.Article)).ToList();
            return (writes, _sequence);
        }
    }

    private sealed record Entry(Article? Article, long Sequence);
}
