using System.Net;
using Azure;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Facets;
using Pipeline.Core.Search.Filtering;

namespace Pipeline.Search.AzureAISearch.Tests;

/// <summary>Requests the caller got wrong become <see cref="InvalidSearchRequestException"/>s, never service failures.</summary>
public sealed class ServiceErrorTests
{
    private readonly FakeSearchService _service = new();

    [Fact]
    public async Task Full_syntax_the_service_cannot_parse_is_the_querys_fault_at_its_column()
    {
        _service.Search = (HttpStatusCode.BadRequest, FakeSearchService.Error(
            "Failed to parse query string at line 1, column 7. See https://aka.ms/azure-search-full-query for supported syntax."));

        var error = await Assert.ThrowsAsync<InvalidSearchRequestException>(() => SearchAsync(new SearchRequest("storm (AND") { QueryType = QueryType.Full }));

        Assert.Equal("q", error.Parameter);
        Assert.Equal(6, error.Position);
        Assert.StartsWith("Failed to parse query string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filter_the_service_rejects_is_the_filters_fault()
    {
        _service.Search = (HttpStatusCode.BadRequest, FakeSearchService.Error(
            "Invalid expression: The operand for a binary operator 'Equal' is not a single value.\r\nParameter name: $filter"));
        var filter = new ComparisonFilter(ArticleFieldNames.Language, ComparisonOperator.Eq, "en");

        var error = await Assert.ThrowsAsync<InvalidSearchRequestException>(() => SearchAsync(new SearchRequest("storm") { Filter = filter }));

        Assert.Equal("filter", error.Parameter);
        Assert.Null(error.Position);
        Assert.Equal("Invalid expression: The operand for a binary operator 'Equal' is not a single value.", error.Message);
    }

    [Fact]
    public async Task A_filter_tree_no_filter_text_can_express_is_refused_without_asking_the_service()
    {
        var filter = new ComparisonFilter(ArticleFieldNames.Body, ComparisonOperator.Eq, "storm");

        var error = await Assert.ThrowsAsync<InvalidSearchRequestException>(() => SearchAsync(new SearchRequest("storm") { Filter = filter }));

        Assert.Equal("filter", error.Parameter);
        Assert.Equal("'body' is not a filterable field.", error.Message);
        Assert.Empty(_service.Handler.Requests);
    }

    [Fact]
    public async Task A_service_failure_stays_a_service_failure()
    {
        _service.Search = (HttpStatusCode.ServiceUnavailable, FakeSearchService.Error("Service busy"));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => SearchAsync(new SearchRequest("storm")));

        Assert.Equal(503, error.Status);
    }

    [Theory]
    [InlineData("keyphrases")]
    [InlineData("articleJson")]
    [InlineData("published")]
    public async Task A_field_that_is_not_publicly_searchable_is_refused_without_asking_the_service(string field)
    {
        var error = await Assert.ThrowsAsync<InvalidSearchRequestException>(() => SearchAsync(new SearchRequest("storm") { SearchFields = [field] }));

        Assert.Equal("searchFields", error.Parameter);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Empty(_service.Handler.Requests);
    }

    [Fact]
    public async Task A_facet_on_a_field_that_is_not_facetable_is_refused()
    {
        var error = await Assert.ThrowsAsync<InvalidSearchRequestException>(() => SearchAsync(new SearchRequest("*") { Facets = [new FacetRequest(ArticleFieldNames.Body)] }));

        Assert.Equal("facet", error.Parameter);
    }

    [Fact]
    public async Task A_date_interval_on_a_text_field_is_refused()
    {
        var error = await Assert.ThrowsAsync<InvalidSearchRequestException>(() =>
            SearchAsync(new SearchRequest("*") { Facets = [new FacetRequest(ArticleFieldNames.Tags, Interval: DateInterval.Month)] }));

        Assert.Equal("facet", error.Parameter);
    }

    [Fact]
    public async Task Ordering_by_a_field_that_is_not_sortable_is_refused()
    {
        var error = await Assert.ThrowsAsync<InvalidSearchRequestException>(() =>
            SearchAsync(new SearchRequest("*") { OrderBy = [new OrderByClause(ArticleFieldNames.Title, Descending: false)] }));

        Assert.Equal("orderby", error.Parameter);
    }

    [Fact]
    public async Task Highlighting_a_field_that_is_not_highlightable_is_refused()
    {
        var error = await Assert.ThrowsAsync<InvalidSearchRequestException>(() =>
            SearchAsync(new SearchRequest("storm") { Highlight = new HighlightRequest([ArticleFieldNames.Authors]) }));

        Assert.Equal("highlight", error.Parameter);
    }

    private Task<SearchResults> SearchAsync(SearchRequest request) => _service.CreateIndex().SearchAsync(request, TestContext.Current.CancellationToken);
}
