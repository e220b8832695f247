using Pipeline.Core.Search.Filtering;

namespace Pipeline.Core.Tests.Search.Filtering;

/// <summary>Canonical OData text for filter trees: values can never change the structure, and parsing gives the tree back.</summary>
public sealed class ODataFilterWriterTests
{
    public static TheoryData<FilterExpression> Filters => new()
    {
        Eq("language", "en"),
        new ComparisonFilter("published", ComparisonOperator.Ge, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        new ComparisonFilter("published", ComparisonOperator.Lt, new DateTimeOffset(2024, 2, 29, 23, 59, 59, 999, TimeSpan.FromHours(5.5)).AddTicks(9)),
        new ComparisonFilter("published", ComparisonOperator.Ne, null),
        new ComparisonFilter("siteName", ComparisonOperator.Le, "Zeit"),
        Eq("siteName", "x' or language eq 'en"),
        Eq("siteName", "'); drop table --"),
        Eq("siteName", "日本経済新聞 🎉"),
        new SearchInFilter("language", ["en", "fr"]),
        new SearchInFilter("siteName", ["BBC News", "CNN"]),
        new SearchInFilter("siteName", ["a|b c", "d;e,f", "it's"]),
        new SearchInFilter("siteName", ["| ; ~ ^ #", "x,y"]),
        new AnyFilter("tags", null),
        new AnyFilter("authors", Eq("authors", "Jane O'Neil")),
        new AnyFilter("tags", new OrFilter(Eq("tags", "a"), new SearchInFilter("tags", ["b", "c d"]))),
        new AndFilter(new OrFilter(Eq("language", "en"), Eq("source", "bbc")), Eq("format", "html")),
        new OrFilter(Eq("language", "en"), new OrFilter(Eq("source", "bbc"), Eq("format", "html"))),
        new AndFilter(Eq("language", "en"), new AndFilter(Eq("source", "bbc"), Eq("format", "html"))),
        new NotFilter(Eq("language", "en")),
        new NotFilter(new NotFilter(new AnyFilter("tags", null))),
        new NotFilter(new OrFilter(new AnyFilter("tags", null), new SearchInFilter("source", ["a"]))),
        new AndFilter(new NotFilter(new AndFilter(Eq("language", "en"), Eq("source", "b"))), new NotFilter(Eq("format", "json"))),
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void Parsing_the_written_text_gives_the_filter_back(FilterExpression filter) =>
        Assert.Equal(filter, ODataFilterParser.Parse(ODataFilterWriter.Write(filter)));

    [Fact]
    public void A_quote_in_a_value_is_escaped_so_it_stays_inside_the_string() =>
        Assert.Equal("siteName eq 'x'' or language eq ''en'", ODataFilterWriter.Write(Eq("siteName", "x' or language eq 'en")));

    [Fact]
    public void Search_in_values_with_the_default_delimiters_get_a_delimiter_they_do_not_contain() =>
        Assert.Equal("search.in(siteName, 'BBC News|a;b', '|')", ODataFilterWriter.Write(new SearchInFilter("siteName", ["BBC News", "a;b"])));

    [Fact]
    public void Search_in_skips_delimiter_candidates_that_occur_in_the_values() =>
        Assert.Equal("search.in(siteName, 'a|b;c d', ';')", ODataFilterWriter.Write(new SearchInFilter("siteName", ["a|b", "c d"])));

    [Fact]
    public void A_right_nested_chain_keeps_its_parentheses() =>
        Assert.Equal("language eq 'en' or (source eq 'bbc' or format eq 'html')",
            ODataFilterWriter.Write(new OrFilter(Eq("language", "en"), new OrFilter(Eq("source", "bbc"), Eq("format", "html")))));

    [Fact]
    public void Times_are_written_with_their_offset_and_only_the_fraction_they_have() =>
        Assert.Equal("published ge 2024-05-01T08:00:00.25+02:00",
            ODataFilterWriter.Write(new ComparisonFilter("published", ComparisonOperator.Ge, new DateTimeOffset(2024, 5, 1, 8, 0, 0, 250, TimeSpan.FromHours(2)))));

    public static TheoryData<FilterExpression> Invalid => new()
    {
        Eq("title", "x"),
        Eq("tags", "x"),
        Eq("published", "2024"),
        new ComparisonFilter("language", ComparisonOperator.Eq, 5),
        new ComparisonFilter("published", ComparisonOperator.Eq, DateTime.UtcNow),
        new SearchInFilter("language", []),
        new SearchInFilter("language", ["en", ""]),
        new SearchInFilter("published", ["x"]),
        new AnyFilter("language", null),
        new AnyFilter("tags", Eq("language", "en")),
        new AnyFilter("tags", new AnyFilter("authors", null)),
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Refuses_a_tree_no_filter_text_could_express(FilterExpression filter) =>
        Assert.Throws<ArgumentException>(() => ODataFilterWriter.Write(filter));

    private static ComparisonFilter Eq(string field, object? value) => new(field, ComparisonOperator.Eq, value);
}
