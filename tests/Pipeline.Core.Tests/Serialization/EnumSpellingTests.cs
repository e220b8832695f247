using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Normalization;
using Pipeline.Core.Related;
using Pipeline.Core.Search;
using Pipeline.Core.Serialization;
using Pipeline.Testing.Articles;

namespace Pipeline.Core.Tests.Serialization;

/// <summary>One spelling for enums on the wire and in storage: the camelCase that filters and facets use.</summary>
public sealed class EnumSpellingTests
{
    [Fact]
    public void Writes_an_article_format_in_camel_case()
    {
        var article = ArticleBuilder.Article("ferry-1").WithFormat(ArticleFormat.PlainText).Build();

        var json = JsonSerializer.SerializeToNode(article, PipelineJson.Options)!;

        Assert.Equal("plainText", (string?)json["format"]);
    }

    [Theory]
    [InlineData("Html", ArticleFormat.Html)]
    [InlineData("PlainText", ArticleFormat.PlainText)]
    [InlineData("html", ArticleFormat.Html)]
    [InlineData("MARKDOWN", ArticleFormat.Markdown)]
    public void Reads_a_stored_article_whatever_the_case_of_its_format(string stored, ArticleFormat expected)
    {
        var json = JsonSerializer.SerializeToNode(ArticleBuilder.Article("ferry-1").Build(), PipelineJson.Options)!.AsObject();
        json["format"] = stored;

        var article = JsonSerializer.Deserialize<Article>(json.ToJsonString(), PipelineJson.Options)!;

        Assert.Equal(expected, article.Format);
    }

    [Fact]
    public void Indexes_every_format_as_the_article_json_spells_it()
    {
        foreach (var format in Enum.GetValues<ArticleFormat>())
        {
            var written = JsonSerializer.SerializeToElement(format, PipelineJson.Options).GetString();

            Assert.Equal(written, ArticleFieldNames.FormatOf(format));
        }
    }

    [Fact]
    public void Keeps_the_spelling_in_serializer_options_of_its_own()
    {
        // The Azure SDK and ASP.NET Core bring their own options; the enum types carry the policy themselves.
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        Assert.Equal("\"tooLarge\"", JsonSerializer.Serialize(NormalizationErrorCode.TooLarge, web));
        Assert.Equal("\"html\"", JsonSerializer.Serialize(ArticleFormat.Html, web));
        Assert.Equal("\"normalized\"", JsonSerializer.Serialize(EditorialMatch.Normalized, web));
    }

    [Fact]
    public void Records_a_rejection_reason_as_the_error_code_json_spells_it()
    {
        Assert.Equal("noTitle", RejectionReasons.Of(NormalizationErrorCode.NoTitle));
    }

    [Fact]
    public void Treats_records_with_capitalised_reasons_as_the_same_reason()
    {
        var stored = JsonNode.Parse("""{"blobName":"a.txt","reason":"Parked","message":"m","attempts":5,"firstAttemptAt":"2025-01-01T00:00:00Z","lastAttemptAt":"2025-01-01T00:00:00Z"}""")!;

        var rejection = stored.Deserialize<Rejection>(PipelineJson.Options)!;

        Assert.True(rejection.IsTransient);
        Assert.True(RejectionReasons.Same(rejection.Reason, RejectionReasons.Parked));
    }
}
