using System.Numerics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Pipeline.Search.Lucene.Facets;
using Pipeline.Search.Lucene.Querying;

namespace Pipeline.Search.Lucene.Scoring;

/// <summary>
/// Ranks a disjunction of single terms (what a simple query of words becomes) one term at a time: each term's postings
/// add their BM25 scores into a per-document accumulator, then one pass over the matched documents counts them, feeds
/// the facets and keeps the best. Same scores, same order and same count as Lucene's BooleanScorer with a
/// <see cref="TopFieldCollector"/>, at a third of the cost for common words: frequent terms' postings come decoded from
/// <see cref="SegmentTermCache"/>, and no scorer or collector is called per document and term.
/// </summary>
internal sealed class TermAtATimeRanker(SegmentTermCache segmentTerms)
{
    /// <summary>
    /// The term queries of a query this ranker can rank exactly: a Boolean query of optional term queries, nothing
    /// required or excluded, no minimum to match. Null for anything else.
    /// </summary>
    public static IReadOnlyList<TermQuery>? TermsOf(Query query)
    {
        if (query is not BooleanQuery { MinimumNumberShouldMatch: 0 } boolean || boolean.Clauses.Count == 0)
        {
            return null;
        }

        var terms = new List<TermQuery>(boolean.Clauses.Count);
        foreach (var clause in boolean.Clauses)
        {
            if (clause.Occur != Occur.SHOULD || clause.Query is not TermQuery term)
            {
                return null;
            }

            terms.Add(term);
        }

        return terms;
    }

    /// <param name="query">A query <see cref="TermsOf"/> accepted, with its terms.</param>
    /// <param name="filter">Only documents it accepts match; null for all.</param>
    /// <param name="window">How many of the best matches to keep.</param>
    public RankedPage Rank(
        IndexSearcher searcher, ArticleSimilarity similarity, Query query, IReadOnlyList<TermQuery> terms, Filter? filter, FacetCounter? facets, int window)
    {
        var segments = searcher.IndexReader.Leaves;
        var (found, weights) = LookUp(searcher, similarity, query, terms);
        var best = new BestMatches(window);
        var total = 0;
        DocsEnum? reuse = null;
        for (var s = 0; s < segments.Count; s++)
        {
            var segment = segments[s];
            var accumulator = ScoreAccumulator.Rent(segment.AtomicReader.MaxDoc);
            try
            {
                for (var i = 0; i < terms.Count; i++)
                {
                    reuse = Accumulate(segment.AtomicReader, terms[i].Term, found[i][s], weights[i], accumulator, reuse);
                }

                best.SetNextReader(segment);
                facets?.SetNextReader(segment);
                total += filter is null
                    ? CollectLive(segment.AtomicReader.LiveDocs, accumulator, best, facets)
                    : CollectFiltered(filter.GetDocIdSet(segment, segment.AtomicReader.LiveDocs), accumulator, best, facets);
            }
            catch
            {
                accumulator.Clear();
                throw;
            }
            finally
            {
                ScoreAccumulator.Return(accumulator);
            }
        }

        return new RankedPage(best.ToScoreDocs(), total, facets?.Buckets());
    }

    /// <summary>Each term in each segment, and its weight from its frequency in the whole index.</summary>
    private (SegmentTerm[][] Found, Bm25TermWeight[] Weights) LookUp(
        IndexSearcher searcher, ArticleSimilarity similarity, Query query, IReadOnlyList<TermQuery> terms)
    {
        var segments = searcher.IndexReader.Leaves;
        var found = new SegmentTerm[terms.Count][];
        var weights = new Bm25TermWeight[terms.Count];
        var fields = new Dictionary<string, (CollectionStatistics Statistics, float[] LengthNorms)>(StringComparer.Ordinal);
        for (var i = 0; i < terms.Count; i++)
        {
            var term = terms[i].Term;
            found[i] = new SegmentTerm[segments.Count];
            long documentFrequency = 0;
            for (var s = 0; s < segments.Count; s++)
            {
                found[i][s] = segmentTerms.Get(segments[s].AtomicReader, term);
                documentFrequency += found[i][s].DocumentFrequency;
            }

            if (!fields.TryGetValue(term.Field, out var field))
            {
                var statistics = searcher.CollectionStatistics(term.Field);
                field = (statistics, Bm25TermWeight.LengthNorms(similarity, statistics));
                fields.Add(term.Field, field);
            }

            // Lucene multiplies the term query's boost by the boost of the query around it.
            weights[i] = Bm25TermWeight.Create(similarity, field.Statistics, field.LengthNorms, documentFrequency, terms[i].Boost * query.Boost);
        }

        return (found, weights);
    }

    /// <summary>Adds the term's score to every document of the segment that has it.</summary>
    private static DocsEnum? Accumulate(AtomicReader segment, Term term, SegmentTerm found, Bm25TermWeight weight, ScoreAccumulator accumulator, DocsEnum? reuse)
    {
        if (found.Postings is { } postings)
        {
            AddFromArrays(postings, weight, accumulator);
        }
        else if (found.State is { } state && segment.GetTerms(term.Field) is { } fieldTerms)
        {
            var termsEnum = fieldTerms.GetEnumerator();
            termsEnum.SeekExact(term.Bytes, state);
            // Deleted documents are scored too and dropped when the matches are read, as decoded postings include them.
            reuse = termsEnum.Docs(liveDocs: null, reuse, DocsFlags.FREQS);
            AddFromIndex(reuse, segment.GetNormValues(term.Field), weight, accumulator);
        }

        return reuse;
    }

    private static void AddFromArrays(TermPostings postings, Bm25TermWeight weight, ScoreAccumulator accumulator)
    {
        var scores = accumulator.Scores;
        var matched = accumulator.Matched;
        var documents = postings.Documents;
        var frequencies = postings.Frequencies;
        if (postings.Norms is { } norms)
        {
            for (var i = 0; i < documents.Length; i++)
            {
                var document = documents[i];
                scores[document] += weight.Score(frequencies[i], norms[i]);
                matched[document >> 6] |= 1UL << document;
            }
        }
        else
        {
            for (var i = 0; i < documents.Length; i++)
            {
                var document = documents[i];
                scores[document] += weight.ScoreWithoutNorm(frequencies[i]);
                matched[document >> 6] |= 1UL << document;
            }
        }
    }

    private static void AddFromIndex(DocsEnum postings, NumericDocValues? norms, Bm25TermWeight weight, ScoreAccumulator accumulator)
    {
        var scores = accumulator.Scores;
        var matched = accumulator.Matched;
        for (var document = postings.NextDoc(); document != DocIdSetIterator.NO_MORE_DOCS; document = postings.NextDoc())
        {
            var frequency = postings.Freq;
            scores[document] += norms is null ? weight.ScoreWithoutNorm(frequency) : weight.Score(frequency, (byte)norms.Get(document));
            matched[document >> 6] |= 1UL << document;
        }
    }

    /// <summary>Reads every matched document that is not deleted, in document order, and zeroes the accumulator behind it.</summary>
    private static int CollectLive(IBits? liveDocs, ScoreAccumulator accumulator, BestMatches best, FacetCounter? facets)
    {
        var scores = accumulator.Scores;
        var matched = accumulator.Matched;
        var count = 0;
        for (var word = 0; word < matched.Length; word++)
        {
            var bits = matched[word];
            if (bits == 0)
            {
                continue;
            }

            matched[word] = 0;
            do
            {
                var document = (word << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                var score = (float)scores[document];
                scores[document] = 0;
                if (liveDocs is null || liveDocs.Get(document))
                {
                    count++;
                    facets?.Collect(document);
                    // Most matches score below the worst kept one; comparing here spares them the call.
                    if (score >= best.Threshold)
                    {
                        best.Offer(document, score);
                    }
                }
            }
            while (bits != 0);
        }

        return count;
    }

    /// <summary>Reads the matched documents the filter accepts (it already leaves out deleted ones), then zeroes the accumulator.</summary>
    private static int CollectFiltered(DocIdSet? accepted, ScoreAccumulator accumulator, BestMatches best, FacetCounter? facets)
    {
        var scores = accumulator.Scores;
        var matched = accumulator.Matched;
        var count = 0;
        var iterator = accepted?.GetIterator();
        if (iterator is not null)
        {
            for (var document = iterator.NextDoc(); document != DocIdSetIterator.NO_MORE_DOCS; document = iterator.NextDoc())
            {
                if (document >> 6 < matched.Length && (matched[document >> 6] & (1UL << document)) != 0)
                {
                    count++;
                    facets?.Collect(document);
                    best.Offer(document, (float)scores[document]);
                }
            }
        }

        accumulator.ClearMatched();
        return count;
    }
}
