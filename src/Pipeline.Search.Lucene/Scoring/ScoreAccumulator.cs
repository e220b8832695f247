using System.Numerics;

namespace Pipeline.Search.Lucene.Scoring;

/// <summary>
/// One segment's scores while a query's terms are added up one after the other: a score per document and a bit per
/// document that matched. Kept per thread (a search runs on one thread from start to end) and cleared as the matches
/// are read, so a search touches only the documents its terms name.
/// </summary>
internal sealed class ScoreAccumulator
{
    [ThreadStatic]
    private static ScoreAccumulator? _free;

    private ScoreAccumulator()
    {
    }

    /// <summary>
    /// Sums in double, as Lucene's BooleanScorer does: a few float term scores add up exactly in a double, so the sum
    /// does not depend on the order the terms are added in, and rounds to the same float as Lucene's.
    /// </summary>
    public double[] Scores { get; private set; } = [];

    public ulong[] Matched { get; private set; } = [];

    /// <summary>An accumulator with room for a segment of <paramref name="documents"/> documents, all zero.</summary>
    public static ScoreAccumulator Rent(int documents)
    {
        var accumulator = _free ?? new ScoreAccumulator();
        _free = null;
        accumulator.EnsureRoom(documents);
        return accumulator;
    }

    /// <summary>Gives back an accumulator whose every score and bit is zero again.</summary>
    public static void Return(ScoreAccumulator accumulator) => _free = accumulator;

    public void EnsureRoom(int documents)
    {
        if (Scores.Length < documents)
        {
            Scores = new double[documents];
            Matched = new ulong[(documents + 63) / 64];
        }
    }

    /// <summary>Zeroes the scores and bits of the matched documents, at a cost of the matches rather than the segment.</summary>
    public void ClearMatched()
    {
        for (var word = 0; word < Matched.Length; word++)
        {
            var bits = Matched[word];
            if (bits == 0)
            {
                continue;
            }

            Matched[word] = 0;
            do
            {
                Scores[(word << 6) + BitOperations.TrailingZeroCount(bits)] = 0;
                bits &= bits - 1;
            }
            while (bits != 0);
        }
    }

    /// <summary>Zeroes everything, for when a search stopped before reading its matches.</summary>
    public void Clear()
    {
        Array.Clear(Scores);
        Array.Clear(Matched);
    }
}
