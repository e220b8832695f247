using static Pipeline.Core.Tests.Normalization.Json.JsonInput;

namespace Pipeline.Core.Tests.Normalization.Json;

/// <summary>A bare JSON-LD NewsArticle or Article, as publishers embed it in pages and as scrapers save it.</summary>
public sealed class JsonLdTests
{
    private const string NewsArticle = """
        {
          "@context": "https://schema.org",
          "@type": "NewsArticle",
          "mainEntityOfPage": { "@type": "WebPage", "@id": "https://www.example-news.com/world/2024/06/11/flood-defences" },
          "headline": "Dutch flood defences hold as river peaks",
          "image": ["https://www.example-news.com/img/16x9/dyke.jpg", "https://www.example-news.com/img/4x3/dyke.jpg"],
          "datePublished": "2024-06-11T06:12:00+02:00",
          "dateModified": "2024-06-11T09:40:00+02:00",
          "author": [
            { "@type": "Person", "name": "Pieter de Vries", "url": "https://www.example-news.com/authors/pdevries" },
            { "@type": "Person", "name": "Emma Janssen" }
          ],
          "publisher": { "@type": "Organization", "name": "Example News", "logo": { "@type": "ImageObject", "url": "https://www.example-news.com/logo.png" } },
          "keywords": "floods, Netherlands, climate",
          "inLanguage": "en-GB",
          "description": "Water levels on the Rhine reached their highest point since 1995.",
          "articleBody": "Flood defences along the Rhine held overnight as the river reached its highest level in almost 30 years.\n\nAround 2,000 residents were evacuated as a precaution."
        }
        """;

    [Fact]
    public void Reads_a_bare_news_article()
    {
        var article = Normalize(NewsArticle, "flood.jsonld");

        Assert.Equal("Dutch flood defences hold as river peaks", article.Title);
        Assert.Equal(["Pieter de Vries", "Emma Janssen"], article.Authors);
        Assert.Equal(new DateTimeOffset(2024, 6, 11, 6, 12, 0, TimeSpan.FromHours(2)), article.Published);
        Assert.Equal(new DateTimeOffset(2024, 6, 11, 9, 40, 0, TimeSpan.FromHours(2)), article.Modified);
        Assert.Equal("https://www.example-news.com/world/2024/06/11/flood-defences", article.CanonicalUrl);
        Assert.Equal("https://www.example-news.com/img/16x9/dyke.jpg", article.LeadImageUrl);
        Assert.Equal("Example News", article.SiteName);
        Assert.Equal(["floods", "Netherlands", "climate"], article.Tags);
        Assert.Equal("en", article.Language);
        Assert.Equal(
            ["Flood defences along the Rhine held overnight as the river reached its highest level in almost 30 years.", "Around 2,000 residents were evacuated as a precaution."],
            Paragraphs(article));
    }

    [Fact]
    public void Takes_the_article_nodes_of_a_graph()
    {
        var articles = NormalizeAll("""
            {
              "@context": "https://schema.org",
              "@graph": [
                { "@type": "WebSite", "@id": "https://blog.example.com/#website", "name": "Example Blog" },
                { "@type": "BreadcrumbList", "itemListElement": [] },
                { "@type": ["BlogPosting", "Article"], "headline": "Why we moved to Postgres", "author": { "name": "Kim Lee" }, "articleBody": "We moved for three reasons." }
              ]
            }
            """);

        var article = Assert.Single(articles);
        Assert.Equal("Why we moved to Postgres", article.Title);
        Assert.Equal(["Kim Lee"], article.Authors);
    }

    [Fact]
    public void Takes_a_name_as_title_only_from_json_ld()
    {
        var article = Normalize("""{"@type": "Article", "name": "A named article", "articleBody": "Text."}""");

        Assert.Equal("A named article", article.Title);
    }

    [Fact]
    public void Decodes_entities_left_in_json_ld_text()
    {
        var article = Normalize("""{"@type": "NewsArticle", "headline": "Q&amp;A: what&#8217;s next", "articleBody": "Text."}""");

        Assert.Equal("Q&A: what’s next", article.Title);
    }

    [Fact]
    public void Accepts_schema_org_types_written_as_urls()
    {
        var article = Normalize("""{"@type": "https://schema.org/NewsArticle", "headline": "A", "articleBody": "Text."}""");

        Assert.Equal("A", article.Title);
    }
}
