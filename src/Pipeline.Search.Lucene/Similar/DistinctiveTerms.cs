using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Pipeline.Search.Lucene.Similar;

/// <summary>
/// What MoreLikeThis.Like(docId) does (terms from the article's term vectors, scored tf × idf with the field where the
/// term is most common, the best ones OR-ed into a query), with the document frequencies looked up cheaply: Lucene's
/// MoreLikeThis asks the top-level reader for each term and field, which opens a new terms enumerator per segment per
/// lookup, hundreds per request. Here each segment's enumerator is reused across an article's terms, and the
/// frequencies are remembered for the reader they came from (readers are immutable).
/// </summary>
internal sealed class DistinctiveTerms(IReadOnlyList<string> fields, ISet<string> stopTerms, int minTermFreq, int minDocFreq, int minWordLength, int maxQueryTerms)
{
    // Bounds the memory one reader's remembered frequencies take; past it, lookups simply are not remembered.
    private const int MaxRememberedFrequencies = 200_000;

    private static readonly TFIDFSimilarity Similarity = new DefaultSimilarity();
    private readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<string, int[]>> _frequencies = [];

    /// <returns>The query (null when the article has no usable term) and its terms, most distinctive first.</returns>
    public (BooleanQuery? Query, List<string> Terms) Like(IndexReader reader, int docId)
    {
        var termFrequencies = TermFrequencies(reader, docId);
        var numDocs = reader.NumDocs;
        var frequencies = DocumentFrequencies(reader, termFrequencies.Keys);
        var scored = new List<(string Word, string Field, float Score)>(termFrequencies.Count);
        foreach (var (word, tf) in termFrequencies)
        {
            if (minTermFreq > 0 && tf < minTermFreq)
            {
                continue;
            }

            var perField = frequencies[word];
            var topField = fields[0];
            var docFreq = 0;
            for (var f = 0; f < fields.Count; f++)
            {
                if (perField[f] > docFreq)
                {
                    topField = fields[f];
                    docFreq = perField[f];
                }
            }

            if ((minDocFreq > 0 && docFreq < minDocFreq) || docFreq == 0)
            {
                continue;
            }

            var idf = Similarity.Idf(docFreq, numDocs);
            scored.Add((word, topField, tf * idf));
        }

        // Best first; equal scores in term order, so the query does not depend on hashing.
        scored.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Word, b.Word));
        if (scored.Count == 0)
        {
            return (null, []);
        }

        var query = new BooleanQuery();
        var terms = new List<string>(Math.Min(maxQueryTerms, scored.Count));
        foreach (var (word, field, _) in scored.Take(maxQueryTerms))
        {
            query.Add(new TermQuery(new Term(field, word)), Occur.SHOULD);
            terms.Add(word);
        }

        return (query, terms);
    }

    /// <summary>Each term of the compared fields with its count summed over them, noise words left out.</summary>
    private Dictionary<string, int> TermFrequencies(IndexReader reader, int docId)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var vectors = reader.GetTermVectors(docId);
        foreach (var field in fields)
        {
            var terms = vectors?.GetTerms(field);
            if (terms is null)
            {
                continue;
            }

            var termsEnum = terms.GetEnumerator();
            while (termsEnum.MoveNext())
            {
                var word = termsEnum.Term.Utf8ToString();
                if (word.Length < minWordLength || stopTerms.Contains(word))
                {
                    continue;
                }

                counts[word] = counts.GetValueOrDefault(word) + (int)termsEnum.TotalTermFreq;
            }
        }

        return counts;
    }

    /// <summary>The document frequency of each word in each compared field, from memory or one pass per segment.</summary>
    private Dictionary<string, int[]> DocumentFrequencies(IndexReader reader, IEnumerable<string> words)
    {
        var remembered = _frequencies.GetValue(reader, _ => new ConcurrentDictionary<string, int[]>(StringComparer.Ordinal));
        var result = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var word in words)
        {
            if (remembered.TryGetValue(word, out var known))
            {
                result[word] = known;
            }
            else
            {
                missing.Add(word);
            }
        }

        if (missing.Count == 0)
        {
            return result;
        }

        // Sorted, so each segment's enumerator only ever seeks forward.
        missing.Sort(StringComparer.Ordinal);
        var looked = missing.ToDictionary(word => word, _ => new int[fields.Count], StringComparer.Ordinal);
        var bytes = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            for (var f = 0; f < fields.Count; f++)
            {
                var termsEnum = segment.GetTerms(fields[f])?.GetEnumerator();
                if (termsEnum is null)
                {
                    continue;
                }

                foreach (var word in missing)
                {
                    bytes.CopyChars(word);
                    if (termsEnum.SeekExact(bytes))
                    {
                        looked[word][f] += termsEnum.DocFreq;
                    }
                }
            }
        }

        foreach (var (word, perField) in looked)
        {
            result[word] = perField;
            if (remembered.Count < MaxRememberedFrequencies)
            {
                remembered.TryAdd(word, perField);
            }
        }

        return result;
    }
}
