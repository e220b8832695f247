using Pipeline.Core.Articles;
using Pipeline.Core.Enrichment;
using Pipeline.Core.Normalization;

namespace Pipeline.Core.Tests.Enrichment;

public sealed class ContentHashTests
{
    private static readonly NormalizedArticle Budget = new()
    {
        Format = ArticleFormat.PlainText,
        Title = "Budget approved",
        Sections =
        [
            new ArticleSection(null, ["The council approved the budget.", "It takes effect in April."]),
            new ArticleSection("What comes next", ["A second vote is due in the spring."]),
        ],
    };

    [Fact]
    public void Is_a_lower_case_hex_sha256_that_does_not_depend_on_the_format()
    {
        var hash = ContentHash.Compute(Budget);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, ContentHash.Compute(Budget with { Format = ArticleFormat.Markdown }));
    }

    [Fact]
    public void Changes_when_a_paragraph_moves_under_another_heading()
    {
        var moved = Budget with
        {
            Sections =
            [
                new ArticleSection(null, ["The council approved the budget."]),
                new ArticleSection("What comes next", ["It takes effect in April.", "A second vote is due in the spring."]),
            ],
        };

        Assert.NotEqual(ContentHash.Compute(Budget), ContentHash.Compute(moved));
    }

    [Fact]
    public void Changes_when_a_paragraph_is_split_in_two()
    {
        var joined = Budget with
        {
            Sections = [new ArticleSection(null, ["The council approved the budget. It takes effect in April."]), Budget.Sections[1]],
        };
        var split = Budget with
        {
            Sections = [new ArticleSection(null, ["The council approved the budget.", "It takes effect in April."]), Budget.Sections[1]],
        };

        Assert.NotEqual(ContentHash.Compute(joined), ContentHash.Compute(split));
    }

    [Theory]
    [InlineData("published")]
    [InlineData("modified")]
    [InlineData("site")]
    [InlineData("description")]
    [InlineData("image")]
    [InlineData("canonical")]
    [InlineData("language")]
    [InlineData("tags")]
    public void Changes_when_what_the_reader_sees_about_the_article_changes(string change)
    {
        var changed = change switch
        {
            "published" => Budget with { Published = new DateTimeOffset(2025, 7, 21, 9, 30, 0, TimeSpan.Zero) },
            "modified" => Budget with { Modified = new DateTimeOffset(2025, 7, 22, 9, 30, 0, TimeSpan.Zero) },
            "site" => Budget with { SiteName = "Council News" },
            "description" => Budget with { Description = "The budget passed." },
            "image" => Budget with { LeadImageUrl = "https://example.com/budget.jpg" },
            "canonical" => Budget with { CanonicalUrl = "https://example.com/budget" },
            "language" => Budget with { Language = "en" },
            "tags" => Budget with { Tags = ["council", "budget"] },
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        Assert.NotEqual(ContentHash.Compute(Budget), ContentHash.Compute(changed));
    }
}
