using Pipeline.Core.Search;
using Pipeline.Core.Search.Facets;

namespace Pipeline.Core.Tests.Search.Facets;

/// <summary>Azure AI Search's facet syntax: a field, then count, interval, values or sort.</summary>
public sealed class FacetRequestParserTests
{
    [Theory]
    [InlineData("tags")]
    [InlineData("authors")]
    [InlineData("language")]
    [InlineData("source")]
    [InlineData("siteName")]
    [InlineData("format")]
    [InlineData("published")]
    public void A_field_alone_is_a_value_facet_with_the_default_count(string field) =>
        Assert.Equal(new FacetRequest(field), FacetRequestParser.Parse(field));

    [Theory]
    [InlineData("tags,count:5", 5)]
    [InlineData("tags,count:1", 1)]
    [InlineData("tags,count:100", 100)]
    [InlineData(" tags , count : 7 ", 7)]
    [InlineData("tags,sort:count,count:3", 3)]
    public void Count_sets_how_many_values(string facet, int count) =>
        Assert.Equal(new FacetRequest("tags", count), FacetRequestParser.Parse(facet));

    [Theory]
    [InlineData("published,interval:day", DateInterval.Day)]
    [InlineData("published,interval:week", DateInterval.Week)]
    [InlineData("published,interval:month", DateInterval.Month)]
    [InlineData("published,interval:quarter", DateInterval.Quarter)]
    [InlineData("published,interval:year", DateInterval.Year)]
    public void Interval_buckets_published_by_calendar_unit(string facet, DateInterval interval) =>
        Assert.Equal(new FacetRequest("published", Interval: interval), FacetRequestParser.Parse(facet));

    [Fact]
    public void Values_are_range_boundaries_for_published()
    {
        var facet = FacetRequestParser.Parse("published,values:2024-01-01T00:00:00Z|2024-07-01T00:00:00+02:00|2025-01-01T00:00:00Z");

        Assert.Equal("published", facet.Field);
        Assert.Null(facet.Interval);
        Assert.Equal(
            [
                new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.FromHours(2)),
                new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero),
            ],
            facet.Boundaries);
    }

    [Fact]
    public void A_single_boundary_is_two_open_ranges() =>
        Assert.Single(FacetRequestParser.Parse("published,values:2024-01-01T00:00:00Z").Boundaries!);

    [Theory]
    [InlineData("", 0, "Expected a field name at position 0; facetable fields are: authors, tags, language, source, siteName, format, published")]
    [InlineData("tag", 0, "Unknown field 'tag' at position 0; facetable fields are:")]
    [InlineData("Tags", 0, "did you mean 'tags'?")]
    [InlineData("title", 0, "Field 'title' at position 0 is not facetable")]
    [InlineData("tags,", 5, "Expected a parameter at position 5")]
    [InlineData("tags,5", 5, "found '5'")]
    [InlineData("tags,limit:5", 5, "Unknown facet parameter 'limit' at position 5")]
    [InlineData("tags,count:0", 11, "count must be a whole number from 1 to 100; found '0' at position 11")]
    [InlineData("tags,count:101", 11, "found '101'")]
    [InlineData("tags,count:-1", 11, "found '-1'")]
    [InlineData("tags,count:five", 11, "found 'five'")]
    [InlineData("tags,count:", 11, "found nothing")]
    [InlineData("tags,count:5,count:6", 13, "'count' at position 13 is given twice")]
    [InlineData("tags,interval:month", 5, "interval applies only to published, not to 'tags'")]
    [InlineData("language,values:2024-01-01T00:00:00Z", 9, "values applies only to published")]
    [InlineData("published,interval:hour", 19, "interval must be day, week, month, quarter or year; found 'hour'")]
    [InlineData("published,interval:Month", 19, "found 'Month'")]
    [InlineData("published,values:2024-01-01", 17, "'2024-01-01' is a date without a time and offset")]
    [InlineData("published,values:2024-01-01T00:00:00Z|x", 38, "'x' is not a DateTimeOffset")]
    [InlineData("published,values:2024-01-01T00:00:00Z||2025-01-01T00:00:00Z", 38, "Expected a DateTimeOffset")]
    [InlineData("published,values:2025-01-01T00:00:00Z|2024-01-01T00:00:00Z", 38, "ascending order")]
    [InlineData("published,values:2024-01-01T00:00:00Z|2024-01-01T02:00:00+02:00", 38, "ascending order")]
    [InlineData("published,interval:year,values:2024-01-01T00:00:00Z", 24, "interval or values, not both")]
    [InlineData("published,interval:year,count:5", 24, "count applies to value facets")]
    [InlineData("tags,sort:value", 10, "Only sort:count (most frequent first) is supported; found 'value' at position 10")]
    [InlineData("tags,sort:-count", 10, "found '-count'")]
    public void Rejects_a_malformed_facet_pointing_at_the_mistake(string facet, int position, string message)
    {
        var error = Assert.Throws<InvalidSearchRequestException>(() => FacetRequestParser.Parse(facet));

        Assert.Equal("facet", error.Parameter);
        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_more_boundaries_than_the_maximum()
    {
        var boundaries = Enumerable.Range(0, FacetRequest.MaxCount + 1).Select(i => $"{2000 + (i / 12)}-{(i % 12) + 1:00}-01T00:00:00Z");

        var error = Assert.Throws<InvalidSearchRequestException>(() => FacetRequestParser.Parse("published,values:" + string.Join('|', boundaries)));

        Assert.Equal(17, error.Position);
    }
}
