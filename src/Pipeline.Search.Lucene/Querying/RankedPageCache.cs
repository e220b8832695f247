using System.Collections.Concurrent;

namespace Pipeline.Search.Lucene.Querying;

/// <summary>
/// The ranked pages of recent requests on one point-in-time reader (Solr's query result cache): a request that was
/// ranked before is answered without scoring again. Entries never go stale, because the cache belongs to one reader and
/// is dropped with it when the index is refreshed; when it is full, the least recently used tenth is let go.
/// </summary>
internal sealed class RankedPageCache(int capacity)
{
    private readonly ConcurrentDictionary<RankedPageKey, Entry> _entries = new();
    private readonly Lock _trimming = new();
    private long _clock;
    private int _count;

    public int Capacity { get; } = capacity;

    public int Count => Volatile.Read(ref _count);

    public bool TryGet(RankedPageKey key, out RankedPage page)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            entry.LastUsed = Interlocked.Increment(ref _clock);
            page = entry.Page;
            return true;
        }

        page = null!;
        return false;
    }

    public void Add(RankedPageKey key, RankedPage page)
    {
        if (Capacity == 0 || !_entries.TryAdd(key, new Entry(page, Interlocked.Increment(ref _clock))))
        {
            return;
        }

        if (Interlocked.Increment(ref _count) > Capacity)
        {
            Trim();
        }
    }

    private void Trim()
    {
        lock (_trimming)
        {
            var excess = Count - Capacity;
            if (excess <= 0)
            {
                return;
            }

            // Trimming a tenth at a time keeps the sort off the path of most additions. ToArray takes a consistent
            // snapshot; enumerating the dictionary through LINQ copies it into an array sized before other threads add.
            var leastRecent = _entries
                .ToArray()
                .OrderBy(pair => pair.Value.LastUsed)
                .Take(excess + (Capacity / 10))
                .Select(pair => pair.Key)
                .ToList();
            foreach (var key in leastRecent)
            {
                if (_entries.TryRemove(key, out _))
                {
                    Interlocked.Decrement(ref _count);
                }
            }
        }
    }

    private sealed class Entry(RankedPage page, long lastUsed)
    {
        public RankedPage Page { get; } = page;

        public long LastUsed { get; set; } = lastUsed;
    }
}
