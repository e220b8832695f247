using Pipeline.Core.Articles;
using static Pipeline.Core.Tests.Normalization.Json.JsonInput;

namespace Pipeline.Core.Tests.Normalization.Json;

/// <summary>A JSON upload in Pipeline's documented article schema (see JsonNormalizer).</summary>
public sealed class JsonSchemaTests
{
    // An export from a headless CMS, every schema field used.
    private const string CmsExport = """
        {
          "id": 48213,
          "title": "Water rates to rise 6% from April",
          "author": "Dana Whitfield",
          "date": "2024-02-14T16:45:00-05:00",
          "updated": "2024-02-15T08:00:00-05:00",
          "url": "https://citydesk.example.org/news/water-rates-2024",
          "tags": ["utilities", "city budget", "Utilities"],
          "language": "en-US",
          "summary": "The utility board approved the increase 5–2.",
          "image": { "url": "https://citydesk.example.org/img/reservoir.jpg", "width": 1200 },
          "siteName": "City Desk",
          "body": "The utility board voted 5–2 on Tuesday to raise water rates by 6% from April.\n\nThe average household will pay about $4 more a month.\n\nBoard members said the money\nwill fund pipe replacement.",
          "related": [
            { "title": "Reservoir levels at a ten-year low", "url": "https://citydesk.example.org/news/reservoir" },
            "https://citydesk.example.org/news/budget-2024",
            "Council to review utility contracts"
          ]
        }
        """;

    [Fact]
    public void Reads_every_schema_field()
    {
        var article = Normalize(CmsExport);

        Assert.Equal(ArticleFormat.Json, article.Format);
        Assert.Equal("Water rates to rise 6% from April", article.Title);
        Assert.Equal(["Dana Whitfield"], article.Authors);
        Assert.Equal(new DateTimeOffset(2024, 2, 14, 16, 45, 0, TimeSpan.FromHours(-5)), article.Published);
        Assert.Equal(new DateTimeOffset(2024, 2, 15, 8, 0, 0, TimeSpan.FromHours(-5)), article.Modified);
        Assert.Equal("https://citydesk.example.org/news/water-rates-2024", article.CanonicalUrl);
        Assert.Equal(["utilities", "city budget"], article.Tags);
        Assert.Equal("en", article.Language);
        Assert.Equal("The utility board approved the increase 5–2.", article.Description);
        Assert.Equal("https://citydesk.example.org/img/reservoir.jpg", article.LeadImageUrl);
        Assert.Equal("City Desk", article.SiteName);
    }

    [Fact]
    public void Splits_a_plain_body_into_paragraphs_at_blank_lines()
    {
        var article = Normalize(CmsExport);

        Assert.Equal(
            [
                "The utility board voted 5–2 on Tuesday to raise water rates by 6% from April.",
                "The average household will pay about $4 more a month.",
                "Board members said the money will fund pipe replacement.",
            ],
            Paragraphs(article));
    }

    [Fact]
    public void Reads_related_links_as_objects_urls_or_headlines()
    {
        var article = Normalize(CmsExport);

        Assert.Equal(
            [
                new RelatedLink("Reservoir levels at a ten-year low", "https://citydesk.example.org/news/reservoir"),
                new RelatedLink("https://citydesk.example.org/news/budget-2024", "https://citydesk.example.org/news/budget-2024"),
                new RelatedLink("Council to review utility contracts"),
            ],
            article.Related);
    }

    [Fact]
    public void Takes_sections_given_as_structure()
    {
        var article = Normalize("""
            {
              "title": "Guide to the new bus network",
              "authors": [{ "name": "Lee Park" }, "Ana Souza"],
              "sections": [
                { "heading": null, "paragraphs": ["The new network starts on 1 June."] },
                { "heading": "Night buses", "paragraphs": ["Five routes run all night.", "Fares are unchanged."] },
                { "heading": "Empty section", "paragraphs": [] }
              ]
            }
            """);

        Assert.Equal(["Lee Park", "Ana Souza"], article.Authors);
        Assert.Equal(
            [new ArticleSection(null, ["The new network starts on 1 June."]), new ArticleSection("Night buses", ["Five routes run all night.", "Fares are unchanged."])],
            article.Sections,
            SectionComparer.Instance);
    }

    [Theory]
    [InlineData("body")]
    [InlineData("content")]
    [InlineData("text")]
    [InlineData("articleBody")]
    [InlineData("BODY")]
    public void Accepts_each_body_field_name(string field)
    {
        var article = Normalize($$"""{"title": "A", "{{field}}": "The story."}""");

        Assert.Equal(["The story."], Paragraphs(article));
    }

    [Theory]
    [InlineData("datePublished", "2024-05-01T12:00:00Z")]
    [InlineData("published_at", "2024-05-01T12:00:00+00:00")]
    [InlineData("pubDate", "Wed, 01 May 2024 12:00:00 GMT")]
    [InlineData("date", "2024-05-01T14:00:00+0200")]
    public void Accepts_each_publication_date_field_and_format(string field, string value)
    {
        var article = Normalize($$"""{"title": "A", "body": "B.", "{{field}}": "{{value}}"}""");

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero), article.Published?.ToUniversalTime());
    }

    [Fact]
    public void Splits_an_author_string_naming_several_people()
    {
        var article = Normalize("""{"title": "A", "body": "B.", "author": "By Jane Doe and John Roe"}""");

        Assert.Equal(["Jane Doe", "John Roe"], article.Authors);
    }

    [Fact]
    public void Ignores_unknown_fields_and_nulls()
    {
        var article = Normalize("""{"title": "A", "body": "B.", "author": null, "views": 1200, "flags": {"pinned": true}}""");

        Assert.Empty(article.Authors);
        Assert.Equal("A", article.Title);
    }

    [Fact]
    public void Tolerates_comments_and_trailing_commas()
    {
        var article = Normalize("""
            {
              // exported by hand
              "title": "A",
              "body": "B.",
            }
            """);

        Assert.Equal("A", article.Title);
    }

    private sealed class SectionComparer : IEqualityComparer<ArticleSection>
    {
        public static SectionComparer Instance { get; } = new();

        public bool Equals(ArticleSection? x, ArticleSection? y) =>
            x?.Heading == y?.Heading && (x?.Paragraphs ?? []).SequenceEqual(y?.Paragraphs ?? []);

        public int GetHashCode(ArticleSection obj) => obj.Heading?.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
