using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Pipeline.Core.Enrichment;
using Pipeline.Core.Search;
using Pipeline.Search.Lucene.Indexing;
using Pipeline.Search.Lucene.Querying;

namespace Pipeline.Search.Lucene.Similar;

/// <summary>
/// Finds articles like a given one the way MoreLikeThis does: the article's most distinctive title, body and keyphrase terms
/// become a query, and the article itself is excluded. Each neighbour's shared terms are the distinctive terms it contains,
/// reported as the words the source article wrote ("valley", not the stem "vallei").
/// </summary>
internal sealed class SimilarArticleFinder(Analyzer analyzer)
{
    private static readonly string[] ComparedFields = [IndexFieldNames.Title, IndexFieldNames.Body, IndexFieldNames.Keyphrases];
    private static readonly ISet<string> BodyOnly = new HashSet<string> { IndexFieldNames.Body };

    // The analyzer's own stop list is Lucene's short one, so words like "has", "more" and "from" would otherwise be
    // "why" two articles are alike. MoreLikeThis compares analyzed terms, hence the stop words go through the analyzer.
    //
    // Short texts say a word once, so a word that matters in a short article must still count (minimum term frequency 1).
    // A term only this article has cannot find another one; two (itself plus one more) also works on an index of a
    // handful of articles, where any higher threshold leaves no terms at all.
    private readonly DistinctiveTerms _distinctive = new(
        ComparedFields,
        SurfaceForms.Map(analyzer, IndexFieldNames.Body, [string.Join(' ', StopWords.EnglishWords)]).Keys.ToHashSet(),
        minTermFreq: 1,
        minDocFreq: 2,
        minWordLength: 2,
        maxQueryTerms: 25);

    public IReadOnlyList<SimilarArticle> Find(IndexSearcher searcher, string id, int top)
    {
        top = Math.Min(top, SearchRequest.MaxTop);
        if (top <= 0)
        {
            return [];
        }

        var idTerm = ArticleDocumentBuilder.IdTerm(id);
        var source = searcher.Search(new TermQuery(idTerm), 1).ScoreDocs;
        if (source.Length == 0)
        {
            return [];
        }

        var (like, interestingTerms) = _distinctive.Like(searcher.IndexReader, source[0].Doc);
        if (like is null || interestingTerms.Count == 0)
        {
            return [];
        }

        var query = new BooleanQuery
        {
            { like, Occur.MUST },
            { new TermQuery(idTerm), Occur.MUST_NOT },
        };
        var docs = searcher.Search(query, top).ScoreDocs;
        if (docs.Length == 0)
        {
            return [];
        }

        var words = SourceWords(searcher, source[0].Doc);
        return docs
            .Select(doc =>
            {
                var values = HitValues.Read(searcher.IndexReader, doc.Doc);
                var shared = SharedTerms(searcher.IndexReader, doc.Doc, interestingTerms)
                    .Select(term => words.GetValueOrDefault(term, term))
                    .ToList();
                // Keyphrases and fingerprint let callers explain the match and drop near-duplicates without loading articles.
                return new SimilarArticle(values.Id, values.Summary.Title, doc.Score, shared)
                {
                    Keyphrases = values.Summary.Keyphrases,
                    Fingerprint = values.Summary.Fingerprint,
                };
            })
            .ToList();
    }

    /// <summary>The source article's words by the term each analyzes to, title first, keyphrases last.</summary>
    private Dictionary<string, string> SourceWords(IndexSearcher searcher, int docId)
    {
        var summary = HitValues.Read(searcher.IndexReader, docId).Summary;
        var body = searcher.Doc(docId, BodyOnly).Get(IndexFieldNames.Body) ?? string.Empty;
        return SurfaceForms.Map(analyzer, IndexFieldNames.Body, [summary.Title, body, .. summary.Keyphrases]);
    }

    /// <summary>Of the source article's distinctive terms, those this neighbour contains: why it is similar.</summary>
    private static List<string> SharedTerms(IndexReader reader, int docId, List<string> interestingTerms)
    {
        var vectors = reader.GetTermVectors(docId);
        var enums = ComparedFields
            .Select(field => vectors?.GetTerms(field)?.GetEnumerator())
            .OfType<TermsEnum>()
            .ToList();
        return interestingTerms
            .Where(term =>
            {
                var bytes = new BytesRef(term);
                return enums.Any(terms => terms.SeekExact(bytes));
            })
            .ToList();
    }
}
