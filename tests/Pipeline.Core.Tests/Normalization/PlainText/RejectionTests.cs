using System.Text;
using Pipeline.Core.Normalization;
using static Pipeline.Core.Tests.Normalization.PlainText.PlainTextInput;

namespace Pipeline.Core.Tests.Normalization.PlainText;

/// <summary>Inputs that cannot become an article are rejected with the reason code ingest records.</summary>
public sealed class RejectionTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \n\n\t\r\n  ")]
    [InlineData("\uFEFF")]
    public void Rejects_empty_input_with_reason_code(string text)
    {
        var exception = Reject(Encoding.UTF8.GetBytes(text));

        Assert.Equal(NormalizationErrorCode.Empty, exception.Code);
    }

    [Fact]
    public void Rejects_binary_input_with_reason_code()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

        var exception = Reject(png, "photo.txt");

        Assert.Equal(NormalizationErrorCode.Binary, exception.Code);
        Assert.Contains("photo.txt", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_title_without_body_as_no_text()
    {
        var exception = Reject("Just a headline\n");

        Assert.Equal(NormalizationErrorCode.NoText, exception.Code);
    }

    [Fact]
    public void Rejects_page_furniture_alone_as_no_text()
    {
        var exception = Reject("Share\n\nAdvertisement\n\nBy\n");

        Assert.Equal(NormalizationErrorCode.NoText, exception.Code);
    }

    [Fact]
    public void Rejects_text_whose_first_line_is_a_whole_paragraph_as_no_title()
    {
        var exception = Reject(string.Join(' ', Enumerable.Repeat("A very long opening sentence.", 20)) + "\n\nMore text.\n");

        Assert.Equal(NormalizationErrorCode.NoTitle, exception.Code);
    }

    [Fact]
    public void Rejects_text_whose_first_line_has_no_words_as_no_title()
    {
        var exception = Reject("***\n\nThe story itself.\n");

        Assert.Equal(NormalizationErrorCode.NoTitle, exception.Code);
    }
}
