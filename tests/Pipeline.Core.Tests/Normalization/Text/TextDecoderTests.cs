using System.Text;
using Pipeline.Core.Normalization;
using Pipeline.Core.Normalization.Text;

namespace Pipeline.Core.Tests.Normalization.Text;

public sealed class TextDecoderTests
{
    private const string Sample = "Café “quotes” — £5";

    public static TheoryData<string, byte[]> EncodingsWithByteOrderMark => new()
    {
        { "UTF-8", [.. new UTF8Encoding(true).GetPreamble(), .. Encoding.UTF8.GetBytes(Sample)] },
        { "UTF-16 LE", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Sample)] },
        { "UTF-16 BE", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Sample)] },
        { "UTF-32 LE", [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(Sample)] },
        { "UTF-32 BE", [.. new UTF32Encoding(true, true).GetPreamble(), .. new UTF32Encoding(true, true).GetBytes(Sample)] },
    };

    [Theory]
    [MemberData(nameof(EncodingsWithByteOrderMark))]
    public void Reads_text_with_a_byte_order_mark_and_drops_the_mark(string encoding, byte[] bytes)
    {
        var decoded = Decode(bytes);

        Assert.True(Sample == decoded.Text, $"{encoding} decoded as '{decoded.Text}'.");
    }

    [Fact]
    public void Reads_utf8_without_byte_order_mark()
    {
        var decoded = Decode(Encoding.UTF8.GetBytes(Sample));

        Assert.Equal(Sample, decoded.Text);
        Assert.Equal(Encoding.UTF8.WebName, decoded.Encoding.WebName);
    }

    [Fact]
    public void Falls_back_to_windows_1252_when_bytes_are_not_utf8()
    {
        // "a £15m “deal”" as Windows-1252: A3 is £, 93/94 are curly double quotes.
        byte[] bytes = [0x61, 0x20, 0xA3, 0x31, 0x35, 0x6D, 0x20, 0x93, 0x64, 0x65, 0x61, 0x6C, 0x94];

        var decoded = Decode(bytes);

        Assert.Equal("a £15m “deal”", decoded.Text);
        Assert.Equal(1252, decoded.Encoding.CodePage);
    }

    [Fact]
    public void Rejects_empty_bytes_as_empty()
    {
        var exception = Assert.Throws<NormalizationException>(() => TextDecoder.Decode(new SourceDocument("empty.txt", Array.Empty<byte>())));

        Assert.Equal(NormalizationErrorCode.Empty, exception.Code);
    }

    [Fact]
    public void Rejects_text_with_nul_bytes_as_binary()
    {
        var exception = Assert.Throws<NormalizationException>(() => TextDecoder.Decode(new SourceDocument("a.txt", "Title\0\0\0body"u8.ToArray())));

        Assert.Equal(NormalizationErrorCode.Binary, exception.Code);
    }

    [Fact]
    public void Rejects_bytes_full_of_control_characters_as_binary()
    {
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)(i % 3 == 0 ? 0x01 : 'a')).ToArray();

        Assert.Null(TextDecoder.Decode(bytes));
    }

    [Fact]
    public void Rejects_pdf_as_binary_although_it_starts_with_text()
    {
        Assert.Null(TextDecoder.Decode("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"u8));
    }

    [Fact]
    public void Rejects_utf16_text_full_of_nul_characters_as_binary()
    {
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. new byte[64]];

        Assert.Null(TextDecoder.Decode(bytes));
    }

    [Fact]
    public void Accepts_text_with_tabs_form_feeds_and_an_escape_character()
    {
        Assert.NotNull(TextDecoder.Decode("Title\n\n\tIndented\fNext page \u001b[1m bold\n"u8));
    }

    private static DecodedText Decode(byte[] bytes) => Assert.IsType<DecodedText>(TextDecoder.Decode(bytes));

    [Fact]
    public void Detects_windows_1251_cyrillic_when_nothing_is_declared()
    {
        const string Russian = "Городские власти во вторник объявили, что трамвайная линия будет продлена. Ёлки стоят.";
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1251)!.GetBytes(Russian);

        var decoded = TextDecoder.Decode(bytes);

        Assert.Equal(Russian, decoded!.Text);
        Assert.Equal(1251, decoded.Encoding.CodePage);
    }

    [Fact]
    public void Keeps_windows_1252_for_accented_latin_text()
    {
        const string French = "Le conseil municipal a annoncé mardi que la ligne de tramway sera prolongée jusqu’au nouveau quartier.";
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(French);

        var decoded = TextDecoder.Decode(bytes);

        Assert.Equal(French, decoded!.Text);
        Assert.Equal(1252, decoded.Encoding.CodePage);
    }

    [Theory]
    [InlineData("Itâ€™s a â€œdealâ€, he said â€” again.", "It’s a “deal”, he said — again.")]
    [InlineData("The cafÃ© charges Â£5 for a crÃ¨me brÃ»lÃ©e.", "The café charges £5 for a crème brûlée.")]
    [InlineData("Москва: Itâ€™s cold.", "Москва: It’s cold.")]
    [InlineData("Emoji ðŸ˜€ survived.", "Emoji 😀 survived.")]
    public void Repairs_utf8_that_was_read_as_windows_1252_upstream(string mojibake, string expected)
    {
        var decoded = TextDecoder.Decode(Encoding.UTF8.GetBytes(mojibake));

        Assert.Equal(expected, decoded!.Text);
    }

    [Theory]
    [InlineData("A naïve café – “quoted” — Ångström, Â alone, Ã and ©.")]
    [InlineData("São Paulo, Açaí, Bogotá, Zürich, Øresund, Œuvre.")]
    public void Leaves_real_accented_text_alone(string text)
    {
        Assert.Equal(text, TextDecoder.Decode(Encoding.UTF8.GetBytes(text))!.Text);
    }
}
