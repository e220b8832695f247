using static Pipeline.Core.Tests.Normalization.PlainText.PlainTextInput;

namespace Pipeline.Core.Tests.Normalization.PlainText;

/// <summary>How plain-text blocks become paragraphs, list items and section headings.</summary>
public sealed class ParagraphAndHeadingTests
{
    [Fact]
    public void Joins_hard_wrapped_lines_into_one_paragraph()
    {
        var article = Normalize("Title\n\nThe first line of a paragraph\nwraps onto a second line   and\ta third.\n");

        Assert.Equal(["The first line of a paragraph wraps onto a second line and a third."], Paragraphs(article));
    }

    [Fact]
    public void Keeps_list_items_as_separate_paragraphs_with_a_bullet_prefix()
    {
        var article = Normalize("Title\n\nThe plan has three parts:\n\n - build homes\n * fix roads\n • plant trees that\n   line the avenue\n");

        Assert.Equal(
            ["The plan has three parts:", "• build homes", "• fix roads", "• plant trees that line the avenue"],
            Paragraphs(article));
    }

    [Fact]
    public void Keeps_numbered_list_items_with_their_numbers()
    {
        var article = Normalize("Title\n\n1. Preheat the oven.\n2. Bake for an hour.\n");

        Assert.Equal(["1. Preheat the oven.", "2. Bake for an hour."], Paragraphs(article));
    }

    [Fact]
    public void Drops_decoration_lines_without_words()
    {
        var article = Normalize("Title\n\nFirst paragraph of the story.\n\n* * *\n\nSecond paragraph of the story.\n");

        Assert.Equal(["First paragraph of the story.", "Second paragraph of the story."], Paragraphs(article));
    }

    [Fact]
    public void Starts_a_section_at_a_short_line_between_paragraphs()
    {
        var article = Normalize(
            "Title\n\nThe lead paragraph explains what happened and why.\n\nWhat comes next\n\nThe council will vote on the plan again next month.\n");

        Assert.Equal(
            [(null, "The lead paragraph explains what happened and why."), ("What comes next", "The council will vote on the plan again next month.")],
            article.Sections.Select(s => (s.Heading, s.Paragraphs.Single())));
    }

    [Theory]
    [InlineData("What comes next?")]
    [InlineData("What comes next:")]
    [InlineData("“What comes next”")]
    [InlineData("what comes next")]
    public void Does_not_take_punctuated_or_lowercase_lines_for_headings(string line)
    {
        var article = Normalize(
            $"Title\n\nThe lead paragraph explains what happened and why.\n\n{line}\n\nThe council will vote on the plan again next month.\n");

        var section = Assert.Single(article.Sections);
        Assert.Null(section.Heading);
        Assert.Contains(line, section.Paragraphs);
    }

    [Fact]
    public void Does_not_take_a_short_line_before_a_sentence_fragment_for_a_heading()
    {
        // BBC text where italics were lost: the short line is the start of the next sentence.
        var article = Normalize(
            "Title\n\nThe lead paragraph explains what happened and why.\n\nFurry recyclers\n\nhave already had one big-screen outing, in 1977.\n");

        Assert.Null(Assert.Single(article.Sections).Heading);
    }

    [Fact]
    public void Does_not_take_lines_of_a_fact_box_for_headings()
    {
        var article = Normalize(
            "Blackburn v Burnley\n\nThe lead paragraph explains what is at stake on the night.\n\nEwood Park\n\nTuesday, 1 March\n\n2000 GMT\n\nBut the defender is suspended and could be replaced by a youngster.\n");

        Assert.Null(Assert.Single(article.Sections).Heading);
    }

    [Fact]
    public void Does_not_make_the_first_block_a_heading()
    {
        var article = Normalize("Title\n\nIntroduction\n\nThe lead paragraph explains what happened and why.\n");

        Assert.Equal([(null, 2)], article.Sections.Select(s => (s.Heading, s.Paragraphs.Count)));
    }
}
