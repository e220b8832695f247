using Azure.Search.Documents.Indexes.Models;
using Pipeline.Core.Search;

namespace Pipeline.Search.AzureAISearch;

/// <summary>
/// The index schema. Field names are <see cref="ArticleFieldNames"/>, so filters, facets and orderby pass through to
/// the service unchanged. Analysis and weights match the embedded Lucene index (English stemming, title weighted
/// above body) so both backends rank the same way.
/// </summary>
internal static class ArticleIndexDefinition
{
    public const string ScoringProfileName = "title-first";

    /// <summary>The suggester behind <c>SuggestAsync</c>: infix matches over titles.</summary>
    public const string SuggesterName = "titles";

    // Not part of the public query API: what similarity and GetAsync read back.
    public const string Keyphrases = "keyphrases";
    public const string Fingerprint = "fingerprint";
    public const string Summary = "summary";
    public const string ArticleJson = "articleJson";

    // The source blob version, so version checks select two short fields instead of the article JSON.
    public const string SourceETag = "sourceETag";
    public const string SourceModified = "sourceModified";

    /// <summary>True when the article has no publication time: sorted on first, it keeps undated articles last either way.</summary>
    public const string Undated = "undated";

    public static SearchIndex Create(string name)
    {
        var english = LexicalAnalyzerName.EnLucene;
        return new SearchIndex(name)
        {
            Fields =
            {
                new SimpleField(ArticleFieldNames.Id, SearchFieldDataType.String) { IsKey = true, IsFilterable = true, IsSortable = true },
                new SearchableField(ArticleFieldNames.Title) { AnalyzerName = english },
                new SearchableField(ArticleFieldNames.Body) { AnalyzerName = english },
                new SearchableField(ArticleFieldNames.Authors, collection: true) { AnalyzerName = english, IsFilterable = true, IsFacetable = true },
                new SearchableField(ArticleFieldNames.Tags, collection: true) { AnalyzerName = english, IsFilterable = true, IsFacetable = true },
                new SimpleField(ArticleFieldNames.Published, SearchFieldDataType.DateTimeOffset) { IsFilterable = true, IsSortable = true, IsFacetable = true },
                new SimpleField(ArticleFieldNames.Language, SearchFieldDataType.String) { IsFilterable = true, IsFacetable = true },
                new SimpleField(ArticleFieldNames.Source, SearchFieldDataType.String) { IsFilterable = true, IsFacetable = true },
                new SimpleField(ArticleFieldNames.SiteName, SearchFieldDataType.String) { IsFilterable = true, IsFacetable = true },
                new SimpleField(ArticleFieldNames.Format, SearchFieldDataType.String) { IsFilterable = true, IsFacetable = true },
                new SearchableField(Keyphrases, collection: true) { AnalyzerName = english },
                new SimpleField(Fingerprint, SearchFieldDataType.String),
                new SimpleField(Summary, SearchFieldDataType.String),
                new SimpleField(ArticleJson, SearchFieldDataType.String),
                new SimpleField(Undated, SearchFieldDataType.Boolean) { IsSortable = true, IsHidden = true },
                new SimpleField(SourceETag, SearchFieldDataType.String),
                new SimpleField(SourceModified, SearchFieldDataType.DateTimeOffset),
            },
            Suggesters = { new SearchSuggester(SuggesterName, ArticleFieldNames.Title) },
            ScoringProfiles =
            {
                new ScoringProfile(ScoringProfileName)
                {
                    TextWeights = new TextWeights(new Dictionary<string, double>
                    {
                        [ArticleFieldNames.Title] = 3,
                        [ArticleFieldNames.Authors] = 1.5,
                        [ArticleFieldNames.Body] = 1,
                    }),
                },
            },
            DefaultScoringProfile = ScoringProfileName,
        };
    }
}
