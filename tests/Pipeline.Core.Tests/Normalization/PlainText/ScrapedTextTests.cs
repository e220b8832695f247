using static Pipeline.Core.Tests.Normalization.PlainText.PlainTextInput;

namespace Pipeline.Core.Tests.Normalization.PlainText;

/// <summary>Page furniture and bylines in text scraped from web pages, one rule at a time.</summary>
public sealed class ScrapedTextTests
{
    private const string Prose = "The council approved the new budget on Tuesday after a long debate.";

    [Fact]
    public void Takes_authors_from_named_byline_and_removes_it()
    {
        var article = Normalize($"Budget approved\n\nBy Jane Doe and John Roe\n\n{Prose}\n");

        Assert.Equal(["Jane Doe", "John Roe"], article.Authors);
        Assert.Equal([Prose], Paragraphs(article));
    }

    [Fact]
    public void Leaves_job_titles_out_of_byline_authors()
    {
        var article = Normalize($"Budget approved\n\nBy Jane Doe, Staff Writer\n\n{Prose}\n");

        Assert.Equal(["Jane Doe"], article.Authors);
    }

    [Fact]
    public void Keeps_by_sentences_after_the_first_paragraph_as_text()
    {
        var article = Normalize($"Budget approved\n\n{Prose}\n\nBy Royal Appointment\n\nThe shop kept its sign.\n");

        Assert.Empty(article.Authors);
        Assert.Contains("By Royal Appointment", Paragraphs(article));
    }

    [Theory]
    [InlineData("Jordan Hayes Avatar\n\nBy")]
    [InlineData("By\n\nJordan Hayes Avatar")]
    [InlineData("Jordan Hayes avatar\nBy:")]
    public void Takes_author_from_avatar_caption_next_to_empty_byline(string header)
    {
        var article = Normalize($"Budget approved\n\n{header}\n\n{Prose}\n");

        Assert.Equal(["Jordan Hayes"], article.Authors);
        Assert.Equal([Prose], Paragraphs(article));
    }

    [Fact]
    public void Does_not_take_author_from_avatar_caption_away_from_byline()
    {
        var article = Normalize($"Budget approved\n\n{Prose}\n\nJordan Hayes Avatar\n");

        Assert.Empty(article.Authors);
        Assert.Equal([Prose], Paragraphs(article));
    }

    [Fact]
    public void Takes_author_once_from_avatar_caption_and_byline_naming_the_same_person()
    {
        var article = Normalize($"Budget approved\n\nJane Doe Avatar\nBy Jane Doe\n\n{Prose}\n");

        Assert.Equal(["Jane Doe"], article.Authors);
    }

    [Theory]
    [InlineData("Share")]
    [InlineData("Share this article")]
    [InlineData("SUBSCRIBE")]
    [InlineData("Advertisement")]
    [InlineData("Accept cookies")]
    [InlineData("  Share on Facebook  ")]
    public void Removes_whole_chrome_lines(string chrome)
    {
        var article = Normalize($"Budget approved\n\n{chrome}\n\n{Prose}\n\n{chrome}\n");

        Assert.Equal([Prose], Paragraphs(article));
    }

    [Fact]
    public void Keeps_sentences_that_mention_sharing_or_subscribing()
    {
        const string sentence = "Share prices rose after readers were asked to subscribe.";

        var article = Normalize($"Markets\n\n{sentence}\n");

        Assert.Equal([sentence], Paragraphs(article));
    }

    [Fact]
    public void Skips_chrome_lines_before_the_title()
    {
        var article = Normalize($"Skip to content\n\nBudget approved\n\n{Prose}\n");

        Assert.Equal("Budget approved", article.Title);
    }

    [Fact]
    public void Turns_related_lines_with_urls_into_links_with_url_and_title()
    {
        var article = Normalize(
            $"Budget approved\n\n{Prose}\n\nRelated articles:\n- Council tax to rise https://example.com/news/council-tax\n- https://example.com/news/roads\n");

        Assert.Equal(
            [
                new("Council tax to rise", "https://example.com/news/council-tax"),
                new("https://example.com/news/roads", "https://example.com/news/roads"),
            ],
            article.Related);
        Assert.Equal([Prose], Paragraphs(article));
    }

    [Fact]
    public void Ends_a_related_list_where_prose_starts_again()
    {
        const string more = "The mayor said the vote showed the city was ready to invest again in its roads.";

        var article = Normalize($"Budget approved\n\n{Prose}\n\nRead more\n\n• Council tax to rise\n\n{more}\n");

        Assert.Equal(["Council tax to rise"], article.Related.Select(link => link.Title));
        Assert.Equal([Prose, more], Paragraphs(article));
    }

    [Fact]
    public void Recognises_more_from_markers()
    {
        var article = Normalize($"Budget approved\n\n{Prose}\n\nMore from City News\n• Council tax to rise\n• Bridge reopens\n");

        Assert.Equal(["Council tax to rise", "Bridge reopens"], article.Related.Select(link => link.Title));
    }
}
