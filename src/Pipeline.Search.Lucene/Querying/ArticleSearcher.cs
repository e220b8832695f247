using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Pipeline.Search.Lucene.Querying;

/// <summary>
/// A searcher over one point-in-time reader, scoring with BM25 (the similarity the writer used for norms), with the
/// ranked pages of the requests it has answered.
/// </summary>
internal sealed class ArticleSearcher : IndexSearcher
{
    public ArticleSearcher(IndexReader reader, int rankedPageCacheSize)
        : base(reader)
    {
        Similarity = new BM25Similarity();
        RankedPages = new RankedPageCache(rankedPageCacheSize);
    }

    public RankedPageCache RankedPages { get; }

    /// <summary>Makes the searchers a <see cref="SearcherManager"/> hands out.</summary>
    public sealed class Factory(int rankedPageCacheSize) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new ArticleSearcher(reader, rankedPageCacheSize);
    }
}
