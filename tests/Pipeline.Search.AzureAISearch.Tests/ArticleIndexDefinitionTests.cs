using Azure.Search.Documents.Indexes.Models;
using Pipeline.Core.Search;

namespace Pipeline.Search.AzureAISearch.Tests;

public sealed class ArticleIndexDefinitionTests
{
    private readonly SearchIndex _index = ArticleIndexDefinition.Create("articles");

    public static TheoryData<string> Searchable => [.. ArticleFieldNames.Searchable];

    public static TheoryData<string> Filterable => [.. ArticleFieldNames.Filterable];

    public static TheoryData<string> Facetable => [.. ArticleFieldNames.Facetable];

    public static TheoryData<string> Sortable => [.. ArticleFieldNames.Sortable];

    [Fact]
    public void Id_is_the_key()
    {
        Assert.True(Field("id").IsKey);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("body")]
    [InlineData("authors")]
    [InlineData("tags")]
    [InlineData("keyphrases")]
    public void Text_fields_use_english_analysis_like_the_embedded_index(string field)
    {
        Assert.Equal(LexicalAnalyzerName.EnLucene, Field(field).AnalyzerName);
    }

    [Fact]
    public void Title_outweighs_body_by_default()
    {
        var profile = _index.ScoringProfiles.Single(p => p.Name == _index.DefaultScoringProfile);

        Assert.True(profile.TextWeights.Weights["title"] > profile.TextWeights.Weights["body"]);
    }

    [Theory]
    [MemberData(nameof(Searchable))]
    public void Public_searchable_fields_are_searchable_under_their_api_name(string field)
    {
        Assert.True(Field(field).IsSearchable);
    }

    [Theory]
    [MemberData(nameof(Filterable))]
    public void Public_filterable_fields_are_filterable_under_their_api_name(string field)
    {
        Assert.True(Field(field).IsFilterable);
    }

    [Theory]
    [MemberData(nameof(Facetable))]
    public void Public_facetable_fields_are_facetable_under_their_api_name(string field)
    {
        Assert.True(Field(field).IsFacetable);
    }

    [Theory]
    [MemberData(nameof(Sortable))]
    public void Public_sortable_fields_are_sortable_under_their_api_name(string field)
    {
        Assert.True(Field(field).IsSortable);
    }

    [Theory]
    [InlineData("authors")]
    [InlineData("tags")]
    [InlineData("keyphrases")]
    public void List_fields_are_string_collections(string field)
    {
        Assert.Equal(SearchFieldDataType.Collection(SearchFieldDataType.String), Field(field).Type);
    }

    [Fact]
    public void Published_is_a_date_so_it_takes_intervals_and_ranges()
    {
        Assert.Equal(SearchFieldDataType.DateTimeOffset, Field("published").Type);
    }

    [Theory]
    [InlineData("keyphrases")]
    [InlineData("fingerprint")]
    [InlineData("summary")]
    [InlineData("articleJson")]
    public void Fields_read_back_for_results_are_retrievable(string field)
    {
        Assert.False(Field(field).IsHidden);
    }

    [Fact]
    public void Keyphrases_are_searchable_for_similarity_but_not_offered_to_queries()
    {
        Assert.True(Field("keyphrases").IsSearchable);
        Assert.DoesNotContain("keyphrases", ArticleFieldNames.Searchable);
    }

    [Fact]
    public void Titles_have_an_infix_suggester()
    {
        var suggester = Assert.Single(_index.Suggesters);

        Assert.Equal("titles", suggester.Name);
        Assert.Equal(["title"], suggester.SourceFields);
    }

    private SearchField Field(string name) => _index.Fields.Single(f => f.Name == name);
}
