namespace Pipeline.Bench.Relevance.Scoring;

/// <summary>One system's mean scores over one collection's judged queries.</summary>
internal sealed record SystemScores(string System, double NdcgAt10, double Map, double RecallAt100, TimeSpan IndexTime, TimeSpan QueryTime)
{
    public static SystemScores Mean(string system, IReadOnlyList<QueryScores> queries, TimeSpan indexTime, TimeSpan queryTime) => new(
        system,
        queries.Average(q => q.NdcgAt10),
        queries.Average(q => q.AveragePrecision),
        queries.Average(q => q.RecallAt100),
        indexTime,
        queryTime);
}

/// <param name="Systems">In the order the systems were given; the first is the product.</param>
internal sealed record CollectionResult(string Collection, int Documents, int JudgedQueries, bool IsGraded, string JudgmentsDescription, IReadOnlyList<SystemScores> Systems);
