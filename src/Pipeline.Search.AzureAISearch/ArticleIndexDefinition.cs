using Azure.Search.Documents.Indexes.Models;

namespace Pipeline.Search.AzureAISearch;

/// <summary>
/// The index schema. Analysis and weights match the embedded Lucene index (English stemming, title weighted above
/// body) so both backends rank the same way.
/// </summary>
internal static class ArticleIndexDefinition
{
    public const string ScoringProfileName = "title-first";

    public static SearchIndex Create(string name)
    {
        var english = LexicalAnalyzerName.EnLucene;
        var index = new SearchIndex(name)
        {
            Fields =
            {
                new SimpleField("id", SearchFieldDataType.String) { IsKey = true, IsFilterable = true, IsSortable = true },
                new SearchableField("title") { AnalyzerName = english },
                new SearchableField("body") { AnalyzerName = english },
                new SearchableField("authors", collection: true) { AnalyzerName = english, IsFilterable = true, IsFacetable = true },
                new SimpleField("published", SearchFieldDataType.DateTimeOffset) { IsFilterable = true, IsSortable = true, IsFacetable = true },
                new SimpleField("language", SearchFieldDataType.String) { IsFilterable = true, IsFacetable = true },
                new SimpleField("format", SearchFieldDataType.String) { IsFilterable = true, IsFacetable = true },
                new SimpleField("source", SearchFieldDataType.String) { IsFilterable = true },
                new SimpleField("articleJson", SearchFieldDataType.String) { IsHidden = false },
            },
            ScoringProfiles =
            {
                new ScoringProfile(ScoringProfileName)
                {
                    TextWeights = new TextWeights(new Dictionary<string, double> { ["title"] = 3, ["authors"] = 1.5, ["body"] = 1 }),
                },
            },
            DefaultScoringProfile = ScoringProfileName,
        };
        return index;
    }
}
