using Pipeline.Core.Normalization;
using static Pipeline.Core.Tests.Normalization.Json.JsonInput;

namespace Pipeline.Core.Tests.Normalization.Json;

/// <summary>One JSON upload can hold many articles; each becomes an article of its own, in order.</summary>
public sealed class JsonArrayTests
{
    [Fact]
    public void Splits_an_array_into_one_article_per_object()
    {
        var articles = NormalizeAll("""
            [
              { "title": "Morning briefing", "body": "Markets opened higher." },
              { "@type": "NewsArticle", "headline": "Evening briefing", "articleBody": "Markets closed lower." },
              { "title": "Night briefing", "content": "Futures were flat." }
            ]
            """);

        Assert.Equal(["Morning briefing", "Evening briefing", "Night briefing"], articles.Select(a => a.Title));
    }

    [Fact]
    public void Skips_json_ld_nodes_that_are_not_articles()
    {
        var articles = NormalizeAll("""
            [
              { "@context": "https://schema.org", "@type": "Organization", "name": "Example News" },
              { "@context": "https://schema.org", "@type": "NewsArticle", "headline": "A", "articleBody": "Text." }
            ]
            """);

        Assert.Equal("A", Assert.Single(articles).Title);
    }

    [Theory]
    [InlineData("articles")]
    [InlineData("items")]
    [InlineData("posts")]
    public void Reads_the_articles_of_a_wrapper_object(string wrapper)
    {
        var articles = NormalizeAll($$"""{"exportedAt": "2024-01-01", "{{wrapper}}": [{"title": "A", "body": "One."}, {"title": "B", "body": "Two."}]}""");

        Assert.Equal(["A", "B"], articles.Select(a => a.Title));
    }

    [Theory]
    [InlineData("[]", "empty array")]
    [InlineData("[ ]", "empty array")]
    [InlineData("""{"articles": []}""", "empty array")]
    [InlineData("""[{"@type": "Person", "name": "Jane"}]""", "no article objects")]
    public void Rejects_an_array_without_articles_as_no_text(string json, string message)
    {
        var exception = Reject(json);

        Assert.Equal(NormalizationErrorCode.NoText, exception.Code);
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_the_whole_upload_when_one_article_is_bad_naming_its_position()
    {
        var exception = Reject("""[{"title": "A", "body": "One."}, {"title": "B", "body": {"text": "Two."}}]""");

        Assert.Equal(NormalizationErrorCode.Malformed, exception.Code);
        Assert.Equal("'export.json' at $[1]: \"body\" must be a string, not an object.", exception.Message);
    }

    [Theory]
    [InlineData("""[1, 2]""", "$[0]: each item must be an article object, not a number")]
    [InlineData("""[[{"title": "A"}]]""", "$[0]: each item must be an article object, not an array")]
    public void Rejects_array_items_that_are_not_objects(string json, string message)
    {
        var exception = Reject(json);

        Assert.Equal(NormalizationErrorCode.Malformed, exception.Code);
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }
}
