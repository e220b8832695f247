using Pipeline.Core.Articles;
using Pipeline.Core.Normalization;
using Pipeline.Testing;
using static Pipeline.Core.Tests.Normalization.PlainText.PlainTextInput;

namespace Pipeline.Core.Tests.Normalization.PlainText;

/// <summary>
/// The product demo: a news page scraped to text, with avatar captions, an empty byline, the headline twice and a
/// trailing "KEEP READING" list. These pin the exact result.
/// </summary>
public sealed class SeedSampleTests
{
    private const string Title = "Ukraine Seeks New Peace Talks With Russia Amid Ongoing Violence";

    private static NormalizedArticle NormalizeSeed() => NormalizeFile(TestData.RequireShared("samples", "ukraine-peace-talks.txt"));

    [Fact]
    public void Takes_title_from_first_line_of_scraped_text()
    {
        var article = NormalizeSeed();

        Assert.Equal(Title, article.Title);
        Assert.Equal(ArticleFormat.PlainText, article.Format);
    }

    [Fact]
    public void Removes_repeated_title_from_scraped_text()
    {
        var article = NormalizeSeed();

        Assert.DoesNotContain(Title, Paragraphs(article));
        Assert.DoesNotContain(Title, article.Sections.Select(s => s.Heading));
    }

    [Fact]
    public void Removes_avatar_captions_and_empty_bylines_from_scraped_text()
    {
        var article = NormalizeSeed();

        Assert.DoesNotContain(Paragraphs(article), p => p.Contains("Avatar", StringComparison.Ordinal));
        Assert.DoesNotContain(Paragraphs(article), p => p.Trim() == "By");
    }

    [Fact]
    public void Takes_author_from_avatar_caption_next_to_empty_byline()
    {
        var article = NormalizeSeed();

        Assert.Equal(["Jordan Hayes"], article.Authors);
    }

    [Fact]
    public void Detects_section_headings_in_scraped_text()
    {
        var article = NormalizeSeed();

        Assert.Equal(
            [
                (null, 2),
                ("Urgent Need for Military Support", 2),
                ("Updates on Negotiations and Casualties", 2),
                ("Conditions for Peace and Challenges Ahead", 3),
            ],
            article.Sections.Select(s => (s.Heading, s.Paragraphs.Count)));
    }

    [Fact]
    public void Keeps_paragraphs_of_scraped_text_in_order()
    {
        var paragraphs = Paragraphs(NormalizeSeed()).ToList();

        Assert.Equal(9, paragraphs.Count);
        Assert.StartsWith("Ukrainian President Volodymyr Zelenskyy recently invited China", paragraphs[0]);
        Assert.EndsWith("We need to get to a longer-term, sustainable solution to the hostilities ASAP.", paragraphs[^1]);
    }

    [Fact]
    public void Keeps_curly_quotes()
    {
        var article = NormalizeSeed();

        Assert.Contains(
            Paragraphs(article),
            p => p.Contains("“Every day we don’t have those tanks on that battlefield, people are getting killed—more and more people every day.”", StringComparison.Ordinal));
    }

    [Fact]
    public void Turns_keep_reading_headlines_into_related_links()
    {
        var article = NormalizeSeed();

        Assert.Equal(
            [
                "Superman Soars High with $57.3 Million in Second Weekend",
                "The Heartfelt Dilemma of Rural Queenslanders Facing Health Challenges",
                "Crows Soar to Victory with Thilthorpe’s Key Contributions",
                "Scottie Scheffler Reflects on Life Beyond Golf Ahead of The Open",
                "New Political Dynamics in Tasmania as Leaders Engage Crossbenchers",
                "Perth Grandmother Appeals Six-Year Sentence in Japan with Help of Romance Scam Expert",
            ],
            article.Related.Select(link => link.Title));
        Assert.All(article.Related, link => Assert.Null(link.Url));
    }

    [Fact]
    public void Removes_keep_reading_list_from_body()
    {
        var article = NormalizeSeed();

        Assert.DoesNotContain(Paragraphs(article), p => p.Contains("KEEP READING", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(Paragraphs(article), p => p.Contains("Superman", StringComparison.Ordinal));
    }
}
