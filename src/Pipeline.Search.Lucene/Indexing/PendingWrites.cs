using System.Collections.Concurrent;
using Pipeline.Core.Articles;

namespace Pipeline.Search.Lucene.Indexing;

/// <summary>
/// The writes the current searcher does not show yet, by article id: what a read by id answers from until the next
/// refresh, so the ingest path sees its own writes (the version it just wrote, a delete it just made) without waiting
/// for one. A null article is a delete.
/// </summary>
internal sealed class PendingWrites
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>The number of the last write recorded.</summary>
    public long Sequence => Interlocked.Read(ref _sequence);

    public int Count => _entries.Count;

    /// <summary>Records a write already made to the index writer.</summary>
    public void Wrote(string id, Article? article) => _entries[id] = new Entry(article, Interlocked.Increment(ref _sequence));

    public bool TryGet(string id, out Article? article)
    {
        if (_entries.TryGetValue(id, out var entry))
        {
            article = entry.Article;
            return true;
        }

        article = null;
        return false;
    }

    /// <summary>Forgets the writes up to <paramref name="sequence"/>, which a searcher opened after them shows.</summary>
    public void Forget(long sequence)
    {
        foreach (var pair in _entries)
        {
            if (pair.Value.Sequence <= sequence)
            {
                // Removes the entry only if no newer write of the same id replaced it meanwhile.
                _entries.TryRemove(pair);
            }
        }
    }

    /// <summary>Forgets every write (after the writer discarded them).</summary>
    public void Clear() => _entries.Clear();

    private sealed record Entry(Article? Article, long Sequence);
}
