using Pipeline.Core.Search;
using Pipeline.Core.Search.Filtering;

namespace Pipeline.Core.Tests.Search.Filtering;

/// <summary>The OData filter subset, read back in its canonical spelling, one row per rule; then every error with its position.</summary>
public sealed class ODataFilterParserTests
{
    [Theory]
    // Every comparison operator, on strings and on published.
    [InlineData("language eq 'en'", "language eq 'en'")]
    [InlineData("language ne 'en'", "language ne 'en'")]
    [InlineData("source gt 'bbc'", "source gt 'bbc'")]
    [InlineData("source ge 'bbc'", "source ge 'bbc'")]
    [InlineData("siteName lt 'M'", "siteName lt 'M'")]
    [InlineData("format le 'json'", "format le 'json'")]
    [InlineData("published gt 2024-01-01T00:00:00Z", "published gt 2024-01-01T00:00:00Z")]
    [InlineData("published ge 2024-01-01T00:00:00Z", "published ge 2024-01-01T00:00:00Z")]
    [InlineData("published lt 2024-01-01T00:00:00Z", "published lt 2024-01-01T00:00:00Z")]
    [InlineData("published le 2024-01-01T00:00:00Z", "published le 2024-01-01T00:00:00Z")]
    [InlineData("published eq 2024-01-01T00:00:00Z", "published eq 2024-01-01T00:00:00Z")]
    [InlineData("published ne 2024-01-01T00:00:00Z", "published ne 2024-01-01T00:00:00Z")]
    // null, on strings and dates.
    [InlineData("siteName eq null", "siteName eq null")]
    [InlineData("published ne null", "published ne null")]
    // DateTimeOffset spellings: fractions, offsets, minutes without seconds, lowercase t and z.
    [InlineData("published ge 2024-01-01T00:00:00.123+02:00", "published ge 2024-01-01T00:00:00.123+02:00")]
    [InlineData("published ge 2024-01-01T00:00:00.1000000Z", "published ge 2024-01-01T00:00:00.1Z")]
    [InlineData("published ge 2024-06-30T23:59:59-05:30", "published ge 2024-06-30T23:59:59-05:30")]
    [InlineData("published ge 2024-01-01T09:30Z", "published ge 2024-01-01T09:30:00Z")]
    [InlineData("published ge 2024-01-01t00:00:00z", "published ge 2024-01-01T00:00:00Z")]
    [InlineData("published ge 2024-01-01T00:00:00+00:00", "published ge 2024-01-01T00:00:00Z")]
    // search.in with default delimiters (space and comma) and with custom ones.
    [InlineData("search.in(language, 'en,fr')", "search.in(language, 'en,fr')")]
    [InlineData("search.in(language, 'en, fr de')", "search.in(language, 'en,fr,de')")]
    [InlineData("search.in(siteName, 'BBC News|CNN', '|')", "search.in(siteName, 'BBC News|CNN', '|')")]
    [InlineData("search.in(siteName, 'BBC News;CNN|Reuters', ';|')", "search.in(siteName, 'BBC News|CNN|Reuters', '|')")]
    [InlineData("search.in(source, 'a,,b,')", "search.in(source, 'a,b')")]
    // any over the collections: a comparison, search.in, or-combined conditions, none.
    [InlineData("authors/any(a: a eq 'X')", "authors/any(a: a eq 'X')")]
    [InlineData("tags/any(t: search.in(t, 'x,y'))", "tags/any(t: search.in(t, 'x,y'))")]
    [InlineData("tags/any(t: t eq 'a' or t eq 'b')", "tags/any(t: t eq 'a' or t eq 'b')")]
    [InlineData("tags/any(t: (t eq 'a' or search.in(t, 'b c')))", "tags/any(t: t eq 'a' or search.in(t, 'b,c'))")]
    [InlineData("tags/any(tag: tag eq 'a')", "tags/any(t: t eq 'a')")]
    [InlineData("tags/any()", "tags/any()")]
    [InlineData("authors/any()", "authors/any()")]
    // Logical operators.
    [InlineData("language eq 'en' and source eq 'bbc'", "language eq 'en' and source eq 'bbc'")]
    [InlineData("language eq 'en' or source eq 'bbc'", "language eq 'en' or source eq 'bbc'")]
    [InlineData("not (language eq 'en')", "not (language eq 'en')")]
    [InlineData("not search.in(language, 'en')", "not search.in(language, 'en')")]
    [InlineData("not tags/any()", "not tags/any()")]
    [InlineData("not not tags/any()", "not not tags/any()")]
    [InlineData("not (tags/any() and authors/any())", "not (tags/any() and authors/any())")]
    // Redundant parentheses go; needed ones stay.
    [InlineData("((language eq 'en'))", "language eq 'en'")]
    [InlineData("(language eq 'en' or source eq 'bbc') and format eq 'html'", "(language eq 'en' or source eq 'bbc') and format eq 'html'")]
    [InlineData("language eq 'en' or (source eq 'bbc' and format eq 'html')", "language eq 'en' or source eq 'bbc' and format eq 'html'")]
    // White space of any kind, or none where tokens are unambiguous.
    [InlineData("  language\teq\n'en'  ", "language eq 'en'")]
    [InlineData("(language eq 'en')and(source eq 'bbc')", "language eq 'en' and source eq 'bbc'")]
    [InlineData("tags / any ( t : t eq 'a' )", "tags/any(t: t eq 'a')")]
    public void Parses_well_formed_filters(string filter, string canonical) =>
        Assert.Equal(canonical, ODataFilterWriter.Write(ODataFilterParser.Parse(filter)));

    [Fact]
    public void And_binds_tighter_than_or()
    {
        var filter = ODataFilterParser.Parse("language eq 'en' or source eq 'bbc' and format eq 'html'");

        Assert.Equal(new OrFilter(Eq("language", "en"), new AndFilter(Eq("source", "bbc"), Eq("format", "html"))), filter);
    }

    [Fact]
    public void Not_binds_tighter_than_and()
    {
        var filter = ODataFilterParser.Parse("not tags/any() and language eq 'en'");

        Assert.Equal(new AndFilter(new NotFilter(new AnyFilter("tags", null)), Eq("language", "en")), filter);
    }

    [Fact]
    public void Chains_of_the_same_operator_nest_to_the_left()
    {
        var filter = ODataFilterParser.Parse("source eq 'a' or source eq 'b' or source eq 'c'");

        Assert.Equal(new OrFilter(new OrFilter(Eq("source", "a"), Eq("source", "b")), Eq("source", "c")), filter);
    }

    [Fact]
    public void Parentheses_override_precedence()
    {
        var filter = ODataFilterParser.Parse("(language eq 'en' or source eq 'bbc') and format eq 'html'");

        Assert.Equal(new AndFilter(new OrFilter(Eq("language", "en"), Eq("source", "bbc")), Eq("format", "html")), filter);
    }

    [Fact]
    public void Conditions_inside_any_name_the_collection_field()
    {
        var filter = ODataFilterParser.Parse("tags/any(x: x eq 'a' or search.in(x, 'b|c d', '|'))");

        Assert.Equal(new AnyFilter("tags", new OrFilter(Eq("tags", "a"), new SearchInFilter("tags", ["b", "c d"]))), filter);
    }

    [Theory]
    [InlineData("siteName eq 'O''Brien'", "O'Brien")]
    [InlineData("siteName eq ''''", "'")]
    [InlineData("siteName eq ''", "")]
    [InlineData("siteName eq 'a '' or siteName eq '''", "a ' or siteName eq '")]
    [InlineData("siteName eq 'Le Monde diplomatique'", "Le Monde diplomatique")]
    [InlineData("siteName eq 'Süddeutsche Zeitung'", "Süddeutsche Zeitung")]
    [InlineData("siteName eq '日本経済新聞'", "日本経済新聞")]
    [InlineData("siteName eq 'emoji 🎉 (and) \"quotes\", commas'", "emoji 🎉 (and) \"quotes\", commas")]
    public void Reads_string_values_with_escaped_quotes_and_any_characters(string filter, string value) =>
        Assert.Equal(Eq("siteName", value), ODataFilterParser.Parse(filter));

    [Fact]
    public void Reads_the_offset_of_a_DateTimeOffset()
    {
        var filter = Assert.IsType<ComparisonFilter>(ODataFilterParser.Parse("published lt 2024-03-10T12:00:00.5-04:00"));

        var value = Assert.IsType<DateTimeOffset>(filter.Value);
        Assert.True(value.EqualsExact(new DateTimeOffset(2024, 3, 10, 12, 0, 0, 500, TimeSpan.FromHours(-4))));
    }

    [Fact]
    public void Reads_null_as_a_null_value()
    {
        Assert.Equal(new ComparisonFilter("published", ComparisonOperator.Eq, null), ODataFilterParser.Parse("published eq null"));
    }

    [Theory]
    // Lexical errors.
    [InlineData("siteName eq 'BBC", 12, "Unterminated string starting at position 12")]
    [InlineData("siteName eq \"BBC\"", 12, "single quotes")]
    [InlineData("language eq 'en' & source eq 'bbc'", 17, "Unexpected character '&' at position 17")]
    // Unknown and unsuitable fields.
    [InlineData("auther/any(a: a eq 'X')", 0, "Unknown field 'auther' at position 0; filterable fields are: authors, tags, language, source, siteName, format, published")]
    [InlineData("language eq 'en' and sitename eq 'BBC'", 21, "did you mean 'siteName'?")]
    [InlineData("title eq 'x'", 0, "Field 'title' at position 0 is not filterable")]
    [InlineData("search.in(body, 'x')", 10, "Field 'body' at position 10 is not filterable")]
    [InlineData("tags eq 'x'", 0, "'tags' at position 0 is a collection; filter its elements with tags/any(t: t eq 'value')")]
    [InlineData("search.in(authors, 'x')", 10, "authors/any(a: search.in(a, 'a,b'))")]
    [InlineData("language/any(l: l eq 'en')", 0, "'language' at position 0 is not a collection")]
    [InlineData("published/any()", 0, "published ge 2024-01-01T00:00:00Z")]
    [InlineData("search.in(published, '2024')", 10, "search.in compares strings")]
    // Values of the wrong type.
    [InlineData("published ge '2024-01-01T00:00:00Z'", 13, "without quotes")]
    [InlineData("published ge 2024-01-01", 13, "'2024-01-01' is a date without a time and offset; write a full DateTimeOffset such as 2024-01-01T00:00:00Z")]
    [InlineData("published ge 2024-01-01T00:00:00", 13, "is not a DateTimeOffset")]
    [InlineData("published ge 2024-13-01T00:00:00Z", 13, "is not a valid date and time")]
    [InlineData("published ge 20240101", 13, "is not a DateTimeOffset")]
    [InlineData("language eq 5", 12, "language compares with a string in single quotes")]
    [InlineData("language eq en", 12, "Expected a string in single quotes or null after 'eq' at position 12, found 'en'")]
    [InlineData("language eq", 11, "found the end of the filter")]
    [InlineData("published gt null", 13, "'gt' cannot compare with null")]
    // Operators.
    [InlineData("language = 'en'", 9, "Unexpected character '='")]
    [InlineData("language equals 'en'", 9, "Expected a comparison operator (eq, ne, gt, ge, lt, le) after 'language' at position 9, found 'equals'")]
    [InlineData("language EQ 'en'", 9, "write 'eq'")]
    [InlineData("language eq 'en' AND source eq 'bbc'", 17, "write 'and'")]
    [InlineData("language eq 'en' source eq 'bbc'", 17, "Expected 'and', 'or' or the end of the filter at position 17, found 'source'")]
    [InlineData("language eq 'en' and", 20, "Expected a condition at position 20, found the end of the filter")]
    [InlineData("and language eq 'en'", 0, "Expected a condition at position 0, found 'and'")]
    [InlineData("'en' eq language", 0, "a comparison starts with the field name")]
    [InlineData("not language eq 'en'", 4, "write not (language eq 'en')")]
    [InlineData("search.ismatch('x')", 0, "Unknown function 'search.ismatch'")]
    // Parentheses.
    [InlineData("(language eq 'en' or source eq 'bbc'", 36, "Expected ')' at position 36 to close the '(' at position 0")]
    [InlineData("(language eq 'en'))", 18, "Expected 'and', 'or' or the end of the filter at position 18, found ')'")]
    [InlineData("()", 1, "Expected a condition at position 1, found ')'")]
    // search.in.
    [InlineData("search.in language", 10, "Expected '(' after search.in")]
    [InlineData("search.in(language 'en')", 19, "Expected ','")]
    [InlineData("search.in(language, en)", 20, "one string in single quotes")]
    [InlineData("search.in(language, 'en', '')", 26, "non-empty string")]
    [InlineData("search.in(language, 'en'", 24, "Expected ')' at position 24 to close search.in at position 0")]
    [InlineData("search.in(language, ' , ')", 20, "search.in has no values")]
    // any.
    [InlineData("tags/all(t: t ne 'a')", 5, "'all' at position 5 is not supported; to require that no element equals a value write not tags/any(t: t eq 'value')")]
    [InlineData("tags/count", 5, "Expected 'any' after 'tags/'")]
    [InlineData("tags/any(t t eq 'a')", 11, "Expected ':' after the range variable 't'")]
    [InlineData("tags/any('a')", 9, "Expected a range variable")]
    [InlineData("tags/any(t: t eq 'a'", 20, "Expected ')' at position 20 to close the '(' of tags/any at position 8")]
    [InlineData("tags/any(t: tags eq 'a')", 12, "conditions are on the range variable 't'; found 'tags'")]
    [InlineData("tags/any(t: language eq 'en')", 12, "found 'language'")]
    [InlineData("tags/any(t: t ne 'a')", 14, "'ne' at position 14 is not allowed inside tags/any()")]
    [InlineData("tags/any(t: t eq 'a' and t eq 'b')", 21, "'and' at position 21 is not allowed inside tags/any()")]
    [InlineData("tags/any(t: not (t eq 'a'))", 12, "'not' at position 12 is not allowed inside tags/any()")]
    [InlineData("tags/any(t: t eq null)", 17, "Elements of tags are never null")]
    [InlineData("tags/any(t: t/any())", 13, "'t' is one element of tags")]
    [InlineData("tags/any(t: search.in(tags, 'a'))", 22, "search.in takes the range variable 't'")]
    [InlineData("t eq 'a'", 0, "Unknown field 't'")]
    // Nothing to parse.
    [InlineData("", 0, "The filter is empty")]
    [InlineData("   ", 0, "The filter is empty")]
    public void Rejects_a_malformed_filter_pointing_at_the_mistake(string filter, int position, string message)
    {
        var error = Assert.Throws<InvalidSearchRequestException>(() => ODataFilterParser.Parse(filter));

        Assert.Equal("filter", error.Parameter);
        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_messages_state_the_position_they_report()
    {
        var error = Assert.Throws<InvalidSearchRequestException>(() => ODataFilterParser.Parse("language eq 'en' and (source eq 'bbc'"));

        Assert.Equal(37, error.Position);
        Assert.Contains("at position 37", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parses_nesting_up_to_the_limit()
    {
        var depth = ODataFilterParser.MaxDepth;
        var filter = new string('(', depth) + "language eq 'en'" + new string(')', depth);

        Assert.Equal(Eq("language", "en"), ODataFilterParser.Parse(filter));
    }

    [Fact]
    public void Rejects_nesting_past_the_limit_at_the_first_level_too_deep()
    {
        var depth = ODataFilterParser.MaxDepth + 1;
        var filter = new string('(', depth) + "language eq 'en'" + new string(')', depth);

        var error = Assert.Throws<InvalidSearchRequestException>(() => ODataFilterParser.Parse(filter));

        Assert.Equal(ODataFilterParser.MaxDepth, error.Position);
        Assert.Contains($"deeper than {ODataFilterParser.MaxDepth} levels", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(")]
    [InlineData("not ")]
    [InlineData("not (")]
    public void Rejects_deep_nesting_of_any_kind_without_recursing_into_it(string opener)
    {
        var filter = string.Concat(Enumerable.Repeat(opener, ODataFilterParser.MaxLength / opener.Length)).TrimEnd();

        var error = Assert.Throws<InvalidSearchRequestException>(() => ODataFilterParser.Parse(filter));

        Assert.Contains("deeper than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_counts_any_as_a_level()
    {
        var depth = ODataFilterParser.MaxDepth - 1;
        var filter = new string('(', depth) + "tags/any(t: (t eq 'a'))" + new string(')', depth);

        var error = Assert.Throws<InvalidSearchRequestException>(() => ODataFilterParser.Parse(filter));

        Assert.Equal(depth + 12, error.Position);
    }

    [Fact]
    public void Parses_a_long_flat_chain_of_conditions()
    {
        var values = Enumerable.Range(0, 300).Select(i => $"source eq 's{i}'").ToList();
        var text = string.Join(" or ", values);

        var filter = ODataFilterParser.Parse(text);

        Assert.Equal(text, ODataFilterWriter.Write(filter));
    }

    [Fact]
    public void Accepts_a_filter_of_the_maximum_length()
    {
        var text = "siteName eq '" + new string('x', ODataFilterParser.MaxLength - 14) + "'";

        Assert.IsType<ComparisonFilter>(ODataFilterParser.Parse(text));
    }

    [Fact]
    public void Rejects_a_filter_longer_than_the_maximum()
    {
        var text = "siteName eq '" + new string('x', ODataFilterParser.MaxLength - 13) + "'";

        var error = Assert.Throws<InvalidSearchRequestException>(() => ODataFilterParser.Parse(text));

        Assert.Equal(ODataFilterParser.MaxLength, error.Position);
        Assert.Contains($"at most {ODataFilterParser.MaxLength}", error.Message, StringComparison.Ordinal);
    }

    private static ComparisonFilter Eq(string field, string value) => new(field, ComparisonOperator.Eq, value);
}
