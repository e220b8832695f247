using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Pipeline.Core.Search.Facets;
using Pipeline.Search.Lucene.Indexing;

namespace Pipeline.Search.Lucene.Facets;

/// <summary>Reads the publication time of each collected document; articles without one are not counted.</summary>
internal abstract class PublishedAccumulator : FacetAccumulator
{
    private NumericDocValues? _values;
    private IBits? _withDate;

    public override void SetNextReader(AtomicReader segment)
    {
        _values = segment.GetNumericDocValues(IndexFieldNames.Published);
        _withDate = segment.GetDocsWithField(IndexFieldNames.Published);
    }

    public override void Collect(int doc)
    {
        if (_values is not null && _withDate is not null && _withDate.Get(doc))
        {
            Count(_values.Get(doc));
        }
    }

    /// <param name="utcTicks">The publication time of one matching article.</param>
    protected abstract void Count(long utcTicks);

    protected static string Iso8601(long utcTicks) =>
        new DateTime(utcTicks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>Counts by exact publication time (a value facet on a date), most frequent first.</summary>
internal sealed class PublishedValueAccumulator(int top) : PublishedAccumulator
{
    private readonly Dictionary<long, long> _counts = [];

    public override IReadOnlyList<FacetBucket> Buckets() => TopValues(_counts, top, Comparer<long>.Default, Iso8601);

    protected override void Count(long utcTicks) => _counts[utcTicks] = _counts.GetValueOrDefault(utcTicks) + 1;
}

/// <summary>
/// Counts by calendar interval in UTC, buckets in time order, each named by its start. Weeks start on Monday
/// (ISO 8601); quarters start in January, April, July and October.
/// </summary>
internal sealed class PublishedIntervalAccumulator(DateInterval interval) : PublishedAccumulator
{
    private readonly SortedDictionary<long, long> _counts = [];

    public override IReadOnlyList<FacetBucket> Buckets() =>
        _counts.Select(pair =>
        {
            var start = new DateTime(pair.Key, DateTimeKind.Utc);
            return new FacetBucket(pair.Value)
            {
                Value = Iso8601(pair.Key),
                From = new DateTimeOffset(start),
                To = End(start) is { } end ? new DateTimeOffset(end) : null,
            };
        }).ToList();

    protected override void Count(long utcTicks)
    {
        var start = Start(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks;
        _counts[start] = _counts.GetValueOrDefault(start) + 1;
    }

    private DateTime Start(DateTime time) => interval switch
    {
        DateInterval.Day => time.Date,
        DateInterval.Week => WeekStart(time.Date),
        DateInterval.Month => new DateTime(time.Year, time.Month, 1, 0, 0, 0, DateTimeKind.Utc),
        DateInterval.Quarter => new DateTime(time.Year, ((time.Month - 1) / 3 * 3) + 1, 1, 0, 0, 0, DateTimeKind.Utc),
        DateInterval.Year => new DateTime(time.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, null),
    };

    private static DateTime WeekStart(DateTime day)
    {
        var daysSinceMonday = ((int)day.DayOfWeek + 6) % 7;
        return day.Ticks >= daysSinceMonday * TimeSpan.TicksPerDay ? day.AddDays(-daysSinceMonday) : DateTime.MinValue;
    }

    // Null only when the bucket runs past the last representable date.
    private DateTime? End(DateTime start)
    {
        try
        {
            return interval switch
            {
                DateInterval.Day => start.AddDays(1),
                DateInterval.Week => start.AddDays(7),
                DateInterval.Month => start.AddMonths(1),
                DateInterval.Quarter => start.AddMonths(3),
                DateInterval.Year => start.AddYears(1),
                _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, null),
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}

/// <summary>
/// Counts in explicit ranges: before the first boundary, between each pair (start inclusive, end exclusive), and from
/// the last boundary on. Every range is listed, empty or not, so a client can draw them side by side.
/// </summary>
internal sealed class PublishedRangeAccumulator : PublishedAccumulator
{
    private readonly long[] _boundaries;
    private readonly IReadOnlyList<DateTimeOffset> _bounds;
    private readonly long[] _counts;

    private PublishedRangeAccumulator(IReadOnlyList<DateTimeOffset> boundaries)
    {
        _bounds = boundaries;
        _boundaries = boundaries.Select(boundary => boundary.UtcTicks).ToArray();
        _counts = new long[_boundaries.Length + 1];
    }

    /// <returns>Null unless the boundaries are strictly ascending.</returns>
    public static PublishedRangeAccumulator? For(IReadOnlyList<DateTimeOffset> boundaries)
    {
        for (var i = 1; i < boundaries.Count; i++)
        {
            if (boundaries[i].UtcTicks <= boundaries[i - 1].UtcTicks)
            {
                return null;
            }
        }

        return boundaries.Count == 0 ? null : new PublishedRangeAccumulator(boundaries);
    }

    public override IReadOnlyList<FacetBucket> Buckets() =>
        _counts.Select((count, i) => new FacetBucket(count)
        {
            From = i == 0 ? null : _bounds[i - 1].ToUniversalTime(),
            To = i == _bounds.Count ? null : _bounds[i].ToUniversalTime(),
        }).ToList();

    protected override void Count(long utcTicks)
    {
        // The index of the first boundary above the time is the range it falls in.
        var index = Array.BinarySearch(_boundaries, utcTicks);
        _counts[index >= 0 ? index + 1 : ~index]++;
    }
}
