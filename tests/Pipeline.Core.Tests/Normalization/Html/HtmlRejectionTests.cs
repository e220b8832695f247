using System.Text;
using Pipeline.Core.Normalization;
using Pipeline.Core.Normalization.Html;
using static Pipeline.Core.Tests.Normalization.Html.HtmlInput;

namespace Pipeline.Core.Tests.Normalization.Html;

/// <summary>Pages that cannot become an article, and hostile pages, are rejected with a reason code.</summary>
public sealed class HtmlRejectionTests
{
    [Theory]
    [InlineData("")]
    [InlineData("  \n\t\r\n ")]
    [InlineData("\uFEFF  ")]
    public void Rejects_empty_input_as_empty(string html)
    {
        var exception = Reject(html);

        Assert.Equal(NormalizationErrorCode.Empty, exception.Code);
    }

    [Theory]
    [InlineData("<html><head><title>Nothing here</title></head><body></body></html>")]
    [InlineData("<html><body><script>var article = 'not text';</script><style>p { color: red }</style></body></html>")]
    [InlineData("<html><body><nav><a href='/'>Home</a></nav>   </body></html>")]
    public void Rejects_a_page_without_article_text_as_no_text(string html)
    {
        var exception = Reject(html);

        Assert.Equal(NormalizationErrorCode.NoText, exception.Code);
    }

    [Fact]
    public void Rejects_binary_content_as_binary()
    {
        byte[] gzip = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xCB, 0x48, 0xCD, 0xC9, 0xC9];

        var exception = Reject(gzip);

        Assert.Equal(NormalizationErrorCode.Binary, exception.Code);
    }

    [Fact]
    public void Rejects_100000_nested_elements_as_malformed_before_parsing()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "deep text" + string.Concat(Enumerable.Repeat("</div>", 100_000)) + "</body></html>";

        var exception = Reject(html);

        Assert.Equal(NormalizationErrorCode.Malformed, exception.Code);
        Assert.Contains("512 levels", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_100000_unclosed_inline_elements_as_malformed()
    {
        var exception = Reject("<html><body><p>" + string.Concat(Enumerable.Repeat("<b>", 100_000)) + "bold</p></body></html>");

        Assert.Equal(NormalizationErrorCode.Malformed, exception.Code);
    }

    [Fact]
    public void Normalizes_a_page_nested_deeply_but_within_the_limit()
    {
        var html = Page("<title>Deep but fine</title>", string.Concat(Enumerable.Repeat("<div>", 400)) + Prose() + string.Concat(Enumerable.Repeat("</div>", 400)));

        var article = Normalize(html);

        Assert.Equal("Deep but fine", article.Title);
        Assert.Equal(4, Paragraphs(article).Count());
    }

    [Fact]
    public void Does_not_count_unclosed_paragraphs_and_list_items_as_nesting()
    {
        var html = Page("<title>Sloppy but fine</title>", string.Concat(Enumerable.Repeat("<p>An unclosed paragraph that goes on, with enough words to count as text.<li>item", 2_000)));

        var article = Normalize(html);

        Assert.Equal("Sloppy but fine", article.Title);
    }

    [Fact]
    public void Rejects_a_page_with_more_elements_than_the_limit_as_too_large_before_parsing()
    {
        var html = Page("<title>Flat but huge</title>", string.Concat(Enumerable.Repeat("<div><p>Some words in a paragraph.</p></div>", 30_000)));

        var exception = Reject(html);

        Assert.Equal(NormalizationErrorCode.TooLarge, exception.Code);
        Assert.Contains("50,000 elements", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_page_over_the_size_limit_as_too_large()
    {
        var html = Page("<title>Big page</title>", Prose(40));

        var exception = Reject(Encoding.UTF8.GetBytes(html), new HtmlNormalizerOptions { MaxSourceBytes = 1_000 });

        Assert.Equal(NormalizationErrorCode.TooLarge, exception.Code);
    }
}
