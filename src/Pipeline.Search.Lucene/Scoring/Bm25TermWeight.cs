using Lucene.Net.Search;

namespace Pipeline.Search.Lucene.Scoring;

/// <summary>
/// What one term of a query adds to a document's score, computed with the same float operations in the same order as
/// Lucene's BM25 term scorer, so that a sum of these equals Lucene's score to the last bit and the ranking is the same.
/// </summary>
internal sealed class Bm25TermWeight
{
    private readonly float _weight;
    private readonly float[] _lengthNorms;
    private readonly float _k1;

    private Bm25TermWeight(float weight, float[] lengthNorms, float k1)
    {
        _weight = weight;
        _lengthNorms = lengthNorms;
        _k1 = k1;
    }

    /// <summary>The length normalization of each norm value in a field, which its terms share.</summary>
    public static float[] LengthNorms(ArticleSimilarity similarity, CollectionStatistics field)
    {
        var averageLength = similarity.AverageFieldLength(field);
        var k1 = similarity.K1;
        var b = similarity.B;
        var lengthNorms = new float[256];
        for (var norm = 0; norm < lengthNorms.Length; norm++)
        {
            lengthNorms[norm] = k1 * ((1 - b) + b * similarity.DecodedFieldLength((byte)norm) / averageLength);
        }

        return lengthNorms;
    }

    /// <param name="lengthNorms">The field's <see cref="LengthNorms"/>.</param>
    /// <param name="documentFrequency">Documents with the term in the whole index, deleted ones included (as Lucene counts them).</param>
    /// <param name="boost">The term query's boost times the boost of the query that holds it.</param>
    public static Bm25TermWeight Create(ArticleSimilarity similarity, CollectionStatistics field, float[] lengthNorms, long documentFrequency, float boost)
    {
        var idf = similarity.InverseDocumentFrequency(documentFrequency, field.MaxDoc);
        var weight = idf * boost;
        return new Bm25TermWeight(weight * (similarity.K1 + 1), lengthNorms, similarity.K1);
    }

    /// <summary>The score of a document where the term occurs <paramref name="frequency"/> times, in a field whose norm is <paramref name="norm"/>.</summary>
    public float Score(int frequency, byte norm) => _weight * frequency / (frequency + _lengthNorms[norm]);

    /// <summary>The score in a field indexed without norms.</summary>
    public float ScoreWithoutNorm(int frequency) => _weight * frequency / (frequency + _k1);
}
