using Pipeline.Core.Search;
using static Pipeline.Testing.Articles.ArticleBuilder;

namespace Pipeline.Search.Lucene.Tests.Querying;

/// <summary>How the embedded index reports full-syntax mistakes: where they are, and what it refuses outright.</summary>
public sealed class FullQuerySyntaxTests : IDisposable
{
    private readonly TemporaryIndexFolder _folder = new();
    private readonly LuceneArticleIndex _index;

    public FullQuerySyntaxTests() => _index = _folder.OpenIndex();

    public void Dispose()
    {
        _index.Dispose();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("storm ) harbour", 6)]
    [InlineData("storm AND", 9)]
    [InlineData("title:storm nosuchfield:harbour", 12)]
    [InlineData("storm \"unclosed", 15)]
    public async Task A_syntax_error_points_at_where_the_parser_stopped(string query, int position)
    {
        var error = await Assert.ThrowsAsync<InvalidSearchRequestException>(
            () => _index.SearchAsync(new SearchRequest(query) { QueryType = QueryType.Full }, TestContext.Current.CancellationToken));

        Assert.Equal("q", error.Parameter);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public async Task A_syntax_error_names_the_unexpected_token_rather_than_listing_the_grammar()
    {
        var error = await Assert.ThrowsAsync<InvalidSearchRequestException>(
            () => _index.SearchAsync(new SearchRequest("storm ) harbour") { QueryType = QueryType.Full }, TestContext.Current.CancellationToken));

        Assert.Equal("The query is not valid Lucene syntax: unexpected ')' at position 6.", error.Message);
    }

    [Fact]
    public async Task A_leading_wildcard_is_refused_rather_than_scanning_every_term()
    {
        var error = await Assert.ThrowsAsync<InvalidSearchRequestException>(
            () => _index.SearchAsync(new SearchRequest("*storm") { QueryType = QueryType.Full }, TestContext.Current.CancellationToken));

        Assert.Equal("q", error.Parameter);
    }

    [Fact]
    public async Task Only_negative_clauses_match_everything_else()
    {
        await _index.UpsertAsync(Article("coast").WithTitle("Storm floods the coastal town").Build(), TestContext.Current.CancellationToken);
        await _index.UpsertAsync(Article("stadium").WithTitle("Storm halts football match").Build(), TestContext.Current.CancellationToken);

        var results = await _index.SearchAsync(new SearchRequest("NOT football") { QueryType = QueryType.Full }, TestContext.Current.CancellationToken);

        Assert.Equal(["coast"], results.Hits.Select(hit => hit.Id));
    }
}
