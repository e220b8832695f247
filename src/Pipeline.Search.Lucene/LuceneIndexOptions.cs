namespace Pipeline.Search.Lucene;

/// <summary>Where the embedded index lives and how it batches writes. Bound from the <c>Pipeline:Lucene</c> configuration section.</summary>
/// <remarks>
/// A write is acknowledged once it is in the index writer's memory: reading the article by id sees it at once, searches
/// see it after the next refresh (at once after a quiet spell, else within <see cref="RefreshInterval"/>), and it is on disk after the next commit
/// (<see cref="CommitInterval"/> or <see cref="CommitAfterWrites"/>, whichever comes first, and on shutdown). The blobs
/// are the durable record: after a crash, the writes that were not committed are missing from the index, and the
/// start-up catch-up pass finds them by their version and indexes them again.
/// </remarks>
public sealed class LuceneIndexOptions
{
    public const string SectionName = "Pipeline:Lucene";

    public const string DefaultIndexPath = ".data/index";

    /// <summary>The index folder; a relative path is resolved against the current directory. Created when missing.</summary>
    public string IndexPath { get; set; } = DefaultIndexPath;

    /// <summary>
    /// How soon a write becomes searchable: the first write after a quiet spell is refreshed at once, and while writes keep
    /// coming the near-real-time readers are refreshed at most this often. Zero refreshes after every write, so each
    /// acknowledged write is searchable at once, at a cost per write.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest an acknowledged write stays uncommitted (lost by a crash, then re-ingested from its blob at start).
    /// Zero commits after every write, which costs a disk flush each.
    /// </summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Commits as soon as this many writes are uncommitted, whatever the time.</summary>
    public int CommitAfterWrites { get; set; } = 2_000;

    /// <summary>
    /// How many recent requests' rankings each searcher keeps (the matching documents in order, their count and the
    /// facet counts), so that a repeated search is answered without scoring again. A refresh starts an empty cache, so
    /// answers are never stale. Zero ranks every request afresh.
    /// </summary>
    public int RankedPageCacheSize { get; set; } = 1_000;

    /// <summary>
    /// Memory, in megabytes, for the decoded postings of frequent words (those in 512 or more documents of a segment):
    /// a search for common words reads most of its time from them, and decoding them once instead of at every search
    /// makes such searches about twice as fast. 64 MB holds the 400 commonest words of 100,000 news articles. Zero
    /// decodes them at every search.
    /// </summary>
    public int PostingsCacheMegabytes { get; set; } = 64;

    /// <summary>
    /// How long the index waits without writes before it merges its segments into <see cref="IdleMergeSegments"/>. A
    /// search pays a term lookup per segment, and a burst of ingest leaves dozens of them; merging once the burst is
    /// over makes searches up to a third faster at 100,000 articles. Zero leaves merging to Lucene's merge policy alone.
    /// </summary>
    public TimeSpan IdleMergeAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How many segments an idle merge leaves. It runs only when there are more than twice as many, so that a trickle
    /// of single uploads does not rewrite part of the index after each one.
    /// </summary>
    public int IdleMergeSegments { get; set; } = 5;
}
