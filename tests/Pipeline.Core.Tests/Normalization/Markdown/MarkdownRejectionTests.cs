using System.Text;
using Pipeline.Core.Normalization;
using static Pipeline.Core.Tests.Normalization.Markdown.MarkdownInput;

namespace Pipeline.Core.Tests.Normalization.Markdown;

/// <summary>Markdown that cannot become an article, or that would take the parser down, is rejected with a reason.</summary>
public sealed class MarkdownRejectionTests
{
    [Theory]
    [InlineData("", NormalizationErrorCode.Empty)]
    [InlineData(" \n\n\t", NormalizationErrorCode.Empty)]
    [InlineData("# Only a title\n", NormalizationErrorCode.NoText)]
    [InlineData("---\ntitle: Only a title\n---\n", NormalizationErrorCode.NoText)]
    [InlineData("![just a picture](a.png)\n\n---\n", NormalizationErrorCode.NoText)]
    public void Rejects_markdown_without_article_text(string markdown, NormalizationErrorCode code)
    {
        Assert.Equal(code, Reject(markdown).Code);
    }

    [Fact]
    public void Rejects_markdown_whose_first_block_is_a_long_paragraph_as_no_title()
    {
        var exception = Reject(string.Join(' ', Enumerable.Repeat("A long opening sentence without a heading.", 10)) + "\n\nMore **text**.\n");

        Assert.Equal(NormalizationErrorCode.NoTitle, exception.Code);
    }

    [Theory]
    [InlineData("---\ntitle: [unclosed\n---\nBody.\n", "not valid YAML (line ")]
    [InlineData("---\ntitle: ok\n  bad: indent\n---\nBody.\n", "not valid YAML")]
    [InlineData("---\n- just\n- a list\n---\nBody.\n", "not a mapping")]
    [InlineData("---\ntitle: [A, B]\n---\nBody.\n", "\"title\" must be a string, not an array")]
    [InlineData("---\ntitle: A\nauthor: [[Jane]]\n---\nBody.\n", "\"author[0]\" must be a string or an object with \"name\", not an array")]
    [InlineData("---\ntitle: A\ntags: {a: b}\n---\nBody.\n", "\"tags\" must be a string or an array of strings, not an object")]
    public void Rejects_front_matter_that_is_not_valid_yaml_or_has_wrong_types_as_malformed(string markdown, string message)
    {
        var exception = Reject(markdown);

        Assert.Equal(NormalizationErrorCode.Malformed, exception.Code);
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
        Assert.Contains("'post.md'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_front_matter_nested_too_deeply()
    {
        var exception = Reject($"---\ntitle: {new string('[', 100_000)}\n---\nBody.\n");

        Assert.Equal(NormalizationErrorCode.Malformed, exception.Code);
    }

    [Fact]
    public void Does_not_expand_yaml_aliases()
    {
        // "Billion laughs": each level doubles the last. Expanded, ten levels are 1,024 copies; thirty are a billion.
        var yaml = new StringBuilder("---\ntitle: Laughs\na0: &a0 [lol, lol]\n");
        for (var i = 1; i < 30; i++)
        {
            yaml.Append($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}]\n");
        }

        var article = Normalize(yaml.Append("---\nBody text.\n").ToString());

        Assert.Equal("Laughs", article.Title);
    }

    [Theory]
    [InlineData(">", 100_000)]
    [InlineData("- ", 1_000)]
    public void Rejects_markdown_nested_past_the_parser_limit_as_malformed(string unit, int count)
    {
        var exception = Reject("# Title\n\n" + string.Concat(Enumerable.Repeat(unit, count)) + "text\n");

        Assert.Equal(NormalizationErrorCode.Malformed, exception.Code);
        Assert.Contains("deeper than", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[a](")]
    [InlineData("[")]
    [InlineData("![a](")]
    [InlineData("**a ")]
    [InlineData("_*a")]
    public void Rejects_inline_markup_that_would_make_parsing_quadratic_as_malformed(string unit)
    {
        // 20,000 unclosed link openers in one paragraph keep Markdig busy for seconds; a few more, for minutes.
        var exception = Reject("# Title\n\n" + string.Concat(Enumerable.Repeat(unit, 20_000)) + "\n");

        Assert.Equal(NormalizationErrorCode.Malformed, exception.Code);
    }

    [Fact]
    public void Accepts_a_long_list_of_links_in_one_block()
    {
        var links = string.Concat(Enumerable.Range(1, 2_000).Select(i => $"- [Story {i}](https://example.com/{i})\n"));

        var article = Normalize($"# Archive\n\nEvery story this year:\n\n{links}");

        Assert.Equal(2_001, Paragraphs(article).Count());
    }

    [Fact]
    public void Normalizes_a_single_50_megabyte_line()
    {
        var line = string.Concat(Enumerable.Repeat("word ", 10_000_000)).TrimEnd();

        var article = Normalize($"# Long line\n\n{line}\n");

        Assert.Equal(line.Length, Paragraphs(article).Single().Length);
    }
}
