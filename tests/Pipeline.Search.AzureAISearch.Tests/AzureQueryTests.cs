using Azure.Search.Documents.Models;

namespace Pipeline.Search.AzureAISearch.Tests;

/// <summary>What user queries become on the wire: the embedded index's reading of the syntax, with nothing injectable.</summary>
public sealed class AzureQueryTests
{
    [Theory]
    [InlineData("ceasefire", "ceasefire")]
    [InlineData("peace talks", "peace talks")]
    [InlineData("\"peace talks\" -sport", "\"peace talks\" -sport")]
    [InlineData("+ukraine talks", "+ukraine talks")]
    [InlineData("ceasefir*", "ceasefir*")]
    public void Keeps_the_simple_syntax_meaning_in_lucene_spelling(string userQuery, string sent)
    {
        var query = AzureQuery.From(userQuery);

        Assert.Equal(sent, query.Text);
        Assert.Equal(SearchQueryType.Full, query.Type);
        Assert.Equal(SearchMode.Any, query.Mode);
    }

    [Fact]
    public void Search_mode_all_makes_the_optional_words_required()
    {
        var query = AzureQuery.From("peace talks -sport", Pipeline.Core.Search.SearchMode.All);

        Assert.Equal("peace talks -sport", query.Text);
        Assert.Equal(SearchMode.All, query.Mode);
    }

    [Theory]
    [InlineData("title:secret", "title\\:secret")]
    [InlineData("a~2", "a\\~2")]
    [InlineData("[a TO z]", "\\[a TO z\\]")]
    [InlineData("(x)", "\\(x\\)")]
    [InlineData("/regex/", "\\/regex\\/")]
    public void Escapes_service_syntax_in_user_text(string userQuery, string sent)
    {
        Assert.Equal(sent, AzureQuery.From(userQuery).Text);
    }

    [Fact]
    public void Unbalanced_quote_never_reaches_the_service_unescaped()
    {
        var query = AzureQuery.From("\"peace talks");

        Assert.DoesNotContain(query.Text.Replace("\\\"", "", StringComparison.Ordinal), "\"", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*")]
    public void Empty_or_star_matches_all(string userQuery)
    {
        var query = AzureQuery.From(userQuery);

        Assert.True(query.IsMatchAll);
        Assert.Equal("*", query.Text);
    }

    [Fact]
    public void Only_exclusions_match_all_but_them_in_all_mode()
    {
        var query = AzureQuery.From("-football");

        Assert.True(query.IsMatchAll);
        Assert.Equal("* -football", query.Text);
        Assert.Equal(SearchMode.All, query.Mode);
    }
}
