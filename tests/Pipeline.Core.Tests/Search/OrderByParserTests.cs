using Pipeline.Core.Search;

namespace Pipeline.Core.Tests.Search;

/// <summary>OData $orderby: sortable fields and search.score(), ascending unless desc.</summary>
public sealed class OrderByParserTests
{
    [Fact]
    public void A_field_with_a_direction_is_one_clause() =>
        Assert.Equal([new OrderByClause("published", Descending: true)], OrderByParser.Parse("published desc"));

    [Fact]
    public void Clauses_keep_their_order_and_ascending_is_the_default()
    {
        Assert.Equal(
            [new OrderByClause("published", Descending: false), new OrderByClause(OrderByClause.Score, Descending: true)],
            OrderByParser.Parse("published asc, search.score() desc"));
        Assert.Equal([new OrderByClause(OrderByClause.Score, Descending: false)], OrderByParser.Parse("search.score()"));
    }

    [Theory]
    [InlineData("  published   desc  ,search.score()  ")]
    [InlineData("published\tdesc,\nsearch.score()")]
    public void White_space_around_words_and_commas_is_ignored(string orderBy) =>
        Assert.Equal(
            [new OrderByClause("published", Descending: true), new OrderByClause(OrderByClause.Score, Descending: false)],
            OrderByParser.Parse(orderBy));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Empty_text_is_no_order(string orderBy) => Assert.Empty(OrderByParser.Parse(orderBy));

    [Theory]
    [InlineData("title desc", 0, "Cannot sort by 'title' at position 0; sort by published or search.score()")]
    [InlineData("published desc, Published", 16, "did you mean 'published'?")]
    [InlineData("search.score", 0, "search.score() with its parentheses")]
    [InlineData("published descending", 10, "Expected asc or desc at position 10, found 'descending'")]
    [InlineData("published DESC", 10, "found 'DESC'")]
    [InlineData("published desc search.score()", 15, "Expected ',' or the end of the order at position 15")]
    [InlineData("published desc,", 15, "Expected a field at position 15")]
    [InlineData(",published", 0, "Expected a field at position 0")]
    [InlineData("published, published desc", 11, "'published' at position 11 is already in the order")]
    public void Rejects_a_malformed_order_pointing_at_the_mistake(string orderBy, int position, string message)
    {
        var error = Assert.Throws<InvalidSearchRequestException>(() => OrderByParser.Parse(orderBy));

        Assert.Equal("orderby", error.Parameter);
        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_more_clauses_than_the_maximum()
    {
        var orderBy = string.Join(",", Enumerable.Repeat("published", OrderByParser.MaxClauses + 1));

        var error = Assert.Throws<InvalidSearchRequestException>(() => OrderByParser.Parse(orderBy));

        Assert.Equal(OrderByParser.MaxClauses * "published,".Length, error.Position);
        Assert.Contains($"At most {OrderByParser.MaxClauses}", error.Message, StringComparison.Ordinal);
    }
}
