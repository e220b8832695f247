using System.Globalization;
using System.Text.Json;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Facets;
using AzureFacetResult = Azure.Search.Documents.Models.FacetResult;

namespace Pipeline.Search.AzureAISearch;

/// <summary>
/// Facet requests in the service's spelling (<c>tags,count:5</c>, <c>published,interval:month</c>,
/// <c>published,values:a|b</c>) and the service's buckets as <see cref="FacetBucket"/>s.
/// </summary>
internal static class AzureFacets
{
    public static string Spell(FacetRequest facet)
    {
        if (facet.Interval is { } interval)
        {
            return $"{facet.Field},interval:{IntervalName(interval)}";
        }

        if (facet.Boundaries is { Count: > 0 } boundaries)
        {
            return $"{facet.Field},values:{string.Join('|', boundaries.Select(AzureDates.Format))}";
        }

        // Sorting by count is the service default; it is spelled out so the request says what callers rely on.
        return $"{facet.Field},count:{facet.Count.ToString(CultureInfo.InvariantCulture)},sort:count";
    }

    public static IReadOnlyList<FacetBucket> Read(FacetRequest facet, IEnumerable<AzureFacetResult> results)
    {
        var buckets = new List<FacetBucket>();
        foreach (var result in results)
        {
            var count = result.Count ?? 0;
            if (facet.Interval is { } interval)
            {
                // The service reports an interval bucket by its start; its end is one interval later.
                var start = ReadInstant(result.Value);
                buckets.Add(new FacetBucket(count)
                {
                    Value = start is null ? ReadText(result.Value) : AzureDates.Format(start.Value),
                    From = start,
                    To = start is null ? null : Advance(start.Value, interval),
                });
            }
            else if (facet.Boundaries is { Count: > 0 })
            {
                buckets.Add(new FacetBucket(count) { From = ReadInstant(result.From), To = ReadInstant(result.To) });
            }
            else
            {
                buckets.Add(new FacetBucket(count) { Value = ReadText(result.Value) });
            }
        }

        return buckets;
    }

    private static string IntervalName(DateInterval interval) => interval switch
    {
        DateInterval.Day => "day",
        DateInterval.Week => "week",
        DateInterval.Month => "month",
        DateInterval.Quarter => "quarter",
        DateInterval.Year => "year",
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, null),
    };

    private static DateTimeOffset Advance(DateTimeOffset start, DateInterval interval) => interval switch
    {
        DateInterval.Day => start.AddDays(1),
        DateInterval.Week => start.AddDays(7),
        DateInterval.Month => start.AddMonths(1),
        DateInterval.Quarter => start.AddMonths(3),
        DateInterval.Year => start.AddYears(1),
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, null),
    };

    // The SDK hands facet values over as whatever it made of the JSON: a DateTimeOffset for dates it recognised,
    // otherwise a string or a JsonElement.
    private static DateTimeOffset? ReadInstant(object? value) => value switch
    {
        null => null,
        DateTimeOffset instant => instant.ToUniversalTime(),
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        _ => DateTimeOffset.TryParse(ReadText(value), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUniversalTime()
            : null,
    };

    private static string? ReadText(object? value) => value switch
    {
        null => null,
        string text => text,
        DateTimeOffset instant => AzureDates.Format(instant),
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
        JsonElement element => element.GetRawText(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>The facets asked for, keyed as the request named them.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<FacetBucket>> ReadAll(
        IReadOnlyList<FacetRequest> requested, IDictionary<string, IList<AzureFacetResult>>? results)
    {
        var facets = new Dictionary<string, IReadOnlyList<FacetBucket>>(StringComparer.Ordinal);
        foreach (var facet in requested)
        {
            facets[facet.Field] = results is not null && results.TryGetValue(facet.Field, out var buckets) ? Read(facet, buckets) : [];
        }

        return facets;
    }
}
