using Pipeline.Core.Articles;
using static Pipeline.Core.Tests.Normalization.Markdown.MarkdownInput;

namespace Pipeline.Core.Tests.Normalization.Markdown;

/// <summary>YAML front matter supplies the article's metadata, read by the same field rules as a JSON upload.</summary>
public sealed class FrontMatterTests
{
    // A Jekyll post as its generator writes it.
    private const string JekyllPost = """
        ---
        layout: post
        title:  "Night trains return to the Alps"
        author: Marta Keller
        date:   2024-03-05 07:30:00 +0100
        tags: [rail, travel, Alps]
        canonical_url: https://travel.example.com/2024/03/05/night-trains
        description: Three routes reopen this spring after a decade away.
        lang: de-CH
        image: https://travel.example.com/img/nightjet.jpg
        ---

        Three overnight routes across the Alps reopen this spring, ten years after the last sleeper left Zurich.

        ## Why now

        Demand for low-carbon travel has doubled since 2019, operators say.
        """;

    // A Hugo post: several authors, a modification date, keywords as one string.
    private const string HugoPost = """
        ---
        title: Budget vote delayed again
        authors:
          - name: Sam Ortiz
          - Priya Natarajan
        publishDate: "2023-11-20T18:00:00Z"
        lastmod: 2023-11-21T09:15:00+00:00
        keywords: "council, budget , , #finance"
        draft: false
        ---
        The city council postponed its budget vote for the third time on Monday.
        """;

    [Fact]
    public void Takes_title_authors_date_tags_and_links_from_jekyll_front_matter()
    {
        var article = Normalize(JekyllPost);

        Assert.Equal("Night trains return to the Alps", article.Title);
        Assert.Equal(["Marta Keller"], article.Authors);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 7, 30, 0, TimeSpan.FromHours(1)), article.Published);
        Assert.Equal(["rail", "travel", "Alps"], article.Tags);
        Assert.Equal("https://travel.example.com/2024/03/05/night-trains", article.CanonicalUrl);
        Assert.Equal("Three routes reopen this spring after a decade away.", article.Description);
        Assert.Equal("de", article.Language);
        Assert.Equal("https://travel.example.com/img/nightjet.jpg", article.LeadImageUrl);
        Assert.Equal(ArticleFormat.Markdown, article.Format);
    }

    [Fact]
    public void Keeps_front_matter_out_of_the_body()
    {
        var article = Normalize(JekyllPost);

        Assert.Equal(
            ["Three overnight routes across the Alps reopen this spring, ten years after the last sleeper left Zurich.", "Demand for low-carbon travel has doubled since 2019, operators say."],
            Paragraphs(article));
    }

    [Fact]
    public void Reads_author_lists_modification_dates_and_comma_separated_keywords()
    {
        var article = Normalize(HugoPost);

        Assert.Equal(["Sam Ortiz", "Priya Natarajan"], article.Authors);
        Assert.Equal(new DateTimeOffset(2023, 11, 20, 18, 0, 0, TimeSpan.Zero), article.Published);
        Assert.Equal(new DateTimeOffset(2023, 11, 21, 9, 15, 0, TimeSpan.Zero), article.Modified);
        Assert.Equal(["council", "budget", "finance"], article.Tags);
    }

    [Fact]
    public void Prefers_front_matter_title_and_drops_a_heading_that_repeats_it()
    {
        var article = Normalize("---\ntitle: Harbour reopens\n---\n# Harbour Reopens\n\nShips returned on Friday.\n");

        Assert.Equal("Harbour reopens", article.Title);
        Assert.Null(Assert.Single(article.Sections).Heading);
    }

    [Fact]
    public void Keeps_a_first_heading_that_differs_from_the_front_matter_title_as_a_section()
    {
        var article = Normalize("---\ntitle: Harbour reopens\n---\n# The first ships\n\nShips returned on Friday.\n");

        Assert.Equal("The first ships", Assert.Single(article.Sections).Heading);
    }

    [Fact]
    public void Ignores_values_that_say_nothing_usable()
    {
        var article = Normalize("---\ntitle: A title\ndate: sometime last spring\nurl: /2024/03/relative/\ntags: ~\nauthor: \"\"\n---\nBody text.\n");

        Assert.Null(article.Published);
        Assert.Null(article.CanonicalUrl);
        Assert.Empty(article.Tags);
        Assert.Empty(article.Authors);
    }

    [Fact]
    public void Treats_an_empty_front_matter_block_as_none()
    {
        var article = Normalize("---\n# only a comment\n---\n# Heading title\n\nBody text.\n");

        Assert.Equal("Heading title", article.Title);
    }

    [Fact]
    public void Reads_numbers_in_front_matter_as_text()
    {
        var article = Normalize("---\ntitle: 1984\n---\nA novel about surveillance.\n");

        Assert.Equal("1984", article.Title);
    }
}
