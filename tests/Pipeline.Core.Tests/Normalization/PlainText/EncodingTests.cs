using System.Text;
using Pipeline.Testing;
using static Pipeline.Core.Tests.Normalization.PlainText.PlainTextInput;

namespace Pipeline.Core.Tests.Normalization.PlainText;

/// <summary>The same article saved by different editors (encodings, line endings) normalizes the same way.</summary>
public sealed class EncodingTests
{
    private const string Text = "Café talks resume\r\n\r\n“We’re ready,” the minister said — again.\r\n";

    [Fact]
    public void Reads_utf16_with_bom()
    {
        var article = Normalize([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Text)]);

        Assert.Equal("Café talks resume", article.Title);
        Assert.Equal(["“We’re ready,” the minister said — again."], Paragraphs(article));
    }

    [Fact]
    public void Reads_windows_1252_curly_quotes()
    {
        var article = Normalize(CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(Text));

        Assert.Equal("Café talks resume", article.Title);
        Assert.Equal(["“We’re ready,” the minister said — again."], Paragraphs(article));
    }

    [Fact]
    public void Normalizes_scraped_text_saved_with_crlf_and_utf16_like_the_original()
    {
        var path = TestData.RequireShared("samples", "ukraine-peace-talks.txt");
        var original = File.ReadAllText(path, Encoding.UTF8);
        var windows = original.ReplaceLineEndings("\r\n");

        var expected = Normalize(original);
        var actual = Normalize([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(windows)]);

        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Authors, actual.Authors);
        Assert.Equal(expected.Sections.Select(s => s.Heading), actual.Sections.Select(s => s.Heading));
        Assert.Equal(Paragraphs(expected), Paragraphs(actual));
        Assert.Equal(expected.Related, actual.Related);
    }
}
