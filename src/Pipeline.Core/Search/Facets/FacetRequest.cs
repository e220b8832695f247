namespace Pipeline.Core.Search.Facets;

/// <summary>
/// One facet to count, in Azure AI Search's spelling: <c>tags,count:5</c>, <c>published,interval:month</c>,
/// <c>published,values:2024-01-01T00:00:00Z|2025-01-01T00:00:00Z</c>.
/// </summary>
/// <param name="Field">A name from <see cref="ArticleFieldNames.Facetable"/>.</param>
/// <param name="Count">For value facets: how many values, most frequent first.</param>
/// <param name="Interval">For <see cref="ArticleFieldNames.Published"/>: bucket by calendar interval (UTC).</param>
/// <param name="Boundaries">For <see cref="ArticleFieldNames.Published"/>: explicit range boundaries, ascending.</param>
public sealed record FacetRequest(string Field, int Count = FacetRequest.DefaultCount, DateInterval? Interval = null, IReadOnlyList<DateTimeOffset>? Boundaries = null)
{
    public const int DefaultCount = 10;
    public const int MaxCount = 100;
}

public enum DateInterval
{
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

/// <summary>
/// One bucket of a facet. Value facets set <see cref="Value"/>; range facets set <see cref="From"/> (inclusive) and/or
/// <see cref="To"/> (exclusive); interval facets set <see cref="Value"/> to the bucket start in ISO 8601 and both bounds.
/// </summary>
public sealed record FacetBucket(long Count)
{
    public string? Value { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }
}
