using Pipeline.Core.Articles;
using static Pipeline.Core.Tests.Normalization.Markdown.MarkdownInput;

namespace Pipeline.Core.Tests.Normalization.Markdown;

/// <summary>The Markdown body becomes sections of plain-text paragraphs, with markup gone and its text kept.</summary>
public sealed class MarkdownBodyTests
{
    // A news write-up as a newsroom CMS exports it to Markdown.
    private const string Story = """
        # Storm Ciarán batters the Channel coast

        *By Tom Reyes* · 2 November 2023

        Winds of up to **100 mph** hit [Jersey](https://en.wikipedia.org/wiki/Jersey) overnight, tearing roofs from homes
        and leaving 20,000 without power.

        ![Waves breaking over the sea wall](https://cdn.example.com/waves.jpg)

        ## Travel disruption

        Ferries were cancelled and the airport closed:

        - All sailings to St Malo *suspended*
        - Flights diverted to `Southampton`
          until further notice
        - Rail replacement buses
          1. from Exeter
          2. from Plymouth

        > "It was the worst night I can remember," said one resident.
        > She has lived on the island for 60 years.

        ### What happens next

        Crews expect to restore power by Friday.\
        Schools remain shut.

        ```
        Wind speed: 104 mph (gust)
        ```

        <div class="note">Updated at 09:00 &amp; again at 12:00</div>

        <!-- editor: check quotes -->

        ---

        ## Read more

        - [Storm Babet: a month on](https://news.example.com/babet)
        - [How storms get their names](https://news.example.com/names "Explainer")
        - Live: weather warnings across the UK
        """;

    [Fact]
    public void Takes_the_title_from_the_first_level_one_heading()
    {
        var article = Normalize(Story);

        Assert.Equal("Storm Ciarán batters the Channel coast", article.Title);
        Assert.DoesNotContain(article.Sections, section => section.Heading == article.Title);
    }

    [Fact]
    public void Turns_level_two_and_three_headings_into_sections()
    {
        var article = Normalize(Story);

        Assert.Equal([null, "Travel disruption", "What happens next"], article.Sections.Select(s => s.Heading));
    }

    [Fact]
    public void Strips_emphasis_and_link_markup_but_keeps_link_text()
    {
        var article = Normalize(Story);

        Assert.Contains(
            "Winds of up to 100 mph hit Jersey overnight, tearing roofs from homes and leaving 20,000 without power.",
            Paragraphs(article));
        Assert.Contains("By Tom Reyes · 2 November 2023", Paragraphs(article));
    }

    [Fact]
    public void Drops_images()
    {
        var article = Normalize(Story);

        Assert.DoesNotContain(Paragraphs(article), p => p.Contains("Waves breaking", StringComparison.Ordinal) || p.Contains("waves.jpg", StringComparison.Ordinal));
    }

    [Fact]
    public void Keeps_list_items_one_paragraph_each_with_bullets_and_numbers()
    {
        var section = Normalize(Story).Sections[1];

        Assert.Equal(
            [
                "Ferries were cancelled and the airport closed:",
                "• All sailings to St Malo suspended",
                "• Flights diverted to Southampton until further notice",
                "• Rail replacement buses",
                "1. from Exeter",
                "2. from Plymouth",
                "\"It was the worst night I can remember,\" said one resident. She has lived on the island for 60 years.",
            ],
            section.Paragraphs);
    }

    [Fact]
    public void Keeps_hard_line_breaks_code_and_the_text_of_html_blocks()
    {
        var section = Normalize(Story).Sections[2];

        Assert.Equal(
            ["Crews expect to restore power by Friday.\nSchools remain shut.", "Wind speed: 104 mph (gust)", "Updated at 09:00 & again at 12:00"],
            section.Paragraphs);
    }

    [Fact]
    public void Turns_a_read_more_list_into_related_links()
    {
        var article = Normalize(Story);

        Assert.Equal(
            [
                new RelatedLink("Storm Babet: a month on", "https://news.example.com/babet"),
                new RelatedLink("How storms get their names", "https://news.example.com/names"),
                new RelatedLink("Live: weather warnings across the UK"),
            ],
            article.Related);
        Assert.DoesNotContain(Paragraphs(article), p => p.Contains("Storm Babet", StringComparison.Ordinal));
        Assert.DoesNotContain(article.Sections, s => s.Heading == "Read more");
    }

    [Fact]
    public void Turns_a_bold_related_label_followed_by_links_into_related_links()
    {
        var article = Normalize("# Title\n\nBody text here.\n\n**Related:**\n\n* [One story](https://example.com/1)\n* [Two story](https://example.com/2)\n");

        Assert.Equal(2, article.Related.Count);
        Assert.Equal(["Body text here."], Paragraphs(article));
    }

    [Fact]
    public void Keeps_a_related_heading_over_prose_as_a_section()
    {
        var article = Normalize("# Title\n\nBody text.\n\n## Related\n\nThis is related work that the authors built on, described at length here.\n");

        Assert.Empty(article.Related);
        Assert.Equal("Related", article.Sections[^1].Heading);
    }

    [Fact]
    public void Reads_setext_headings_like_atx_headings()
    {
        var article = Normalize("Harbour reopens\n===============\n\nShips returned on Friday.\n\nCargo\n-----\n\nThe first containers arrived.\n");

        Assert.Equal("Harbour reopens", article.Title);
        Assert.Equal([null, "Cargo"], article.Sections.Select(s => s.Heading));
    }

    [Fact]
    public void Takes_a_short_first_line_as_the_title_when_there_is_no_heading()
    {
        var article = Normalize("Harbour reopens\n\nShips returned on **Friday**.\n", "notes.md");

        Assert.Equal("Harbour reopens", article.Title);
        Assert.Equal(["Ships returned on Friday."], Paragraphs(article));
    }

    [Fact]
    public void Decodes_entities_and_keeps_typography()
    {
        var article = Normalize("# Caf&eacute; culture\n\nIt\u2019s \u201cback\u201d &mdash; and busy.\n");

        Assert.Equal("Café culture", article.Title);
        Assert.Equal(["It\u2019s \u201cback\u201d — and busy."], Paragraphs(article));
    }
}
