using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Pipeline.Search.Lucene.Scoring;

/// <summary>
/// Lucene's BM25 (k1 1.2, b 0.75), the similarity the writer encodes norms with, opened up for
/// <see cref="Bm25TermWeight"/>: the idf, the average field length and the decoded length of a norm are protected in Lucene.
/// </summary>
internal sealed class ArticleSimilarity : BM25Similarity
{
    public float InverseDocumentFrequency(long documentFrequency, long documentCount) => Idf(documentFrequency, documentCount);

    public float AverageFieldLength(CollectionStatistics statistics) => AvgFieldLength(statistics);

    public float DecodedFieldLength(byte norm) => DecodeNormValue(norm);
}
