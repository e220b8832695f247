using Azure.Search.Documents.Indexes.Models;

namespace Pipeline.Search.AzureAISearch.Tests;

public sealed class ArticleIndexDefinitionTests
{
    private readonly SearchIndex _index = ArticleIndexDefinition.Create("articles");

    [Fact]
    public void Id_is_the_key()
    {
        Assert.True(_index.Fields.Single(f => f.Name == "id").IsKey);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("body")]
    [InlineData("authors")]
    public void Text_fields_use_english_analysis_like_the_embedded_index(string field)
    {
        Assert.Equal(LexicalAnalyzerName.EnLucene, _index.Fields.Single(f => f.Name == field).AnalyzerName);
    }

    [Fact]
    public void Title_outweighs_body_by_default()
    {
        var profile = _index.ScoringProfiles.Single(p => p.Name == _index.DefaultScoringProfile);

        Assert.True(profile.TextWeights.Weights["title"] > profile.TextWeights.Weights["body"]);
    }

    [Theory]
    [InlineData("authors")]
    [InlineData("published")]
    [InlineData("language")]
    [InlineData("format")]
    [InlineData("source")]
    public void Metadata_fields_are_filterable(string field)
    {
        Assert.True(_index.Fields.Single(f => f.Name == field).IsFilterable);
    }
}
