using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Pipeline.Search.Lucene.Scoring;

namespace Pipeline.Search.Lucene.Querying;

/// <summary>
/// A searcher over one point-in-time reader, scoring with BM25 (the similarity the writer used for norms), with the
/// ranked pages of the requests it has answered.
/// </summary>
internal sealed class ArticleSearcher : IndexSearcher
{
    private readonly ConcurrentDictionary<string, CollectionStatistics> _fieldStatistics = new(StringComparer.Ordinal);

    public ArticleSearcher(IndexReader reader, int rankedPageCacheSize)
        : base(reader)
    {
        Similarity = new ArticleSimilarity();
        RankedPages = new RankedPageCache(rankedPageCacheSize);
    }

    public RankedPageCache RankedPages { get; }

    /// <summary>
    /// A field's statistics, worked out once per searcher: Lucene sums them over the segments for every term of every
    /// query, and the reader under a searcher never changes.
    /// </summary>
    public override CollectionStatistics CollectionStatistics(string field) =>
        _fieldStatistics.GetOrAdd(field, base.CollectionStatistics);

    /// <summary>Makes the searchers a <see cref="SearcherManager"/> hands out.</summary>
    public sealed class Factory(int rankedPageCacheSize) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new ArticleSearcher(reader, rankedPageCacheSize);
    }
}
