using Pipeline.Core.Normalization.Text;

namespace Pipeline.Core.Tests.Normalization.Text;

public sealed class TextCleanerTests
{
    [Fact]
    public void Turns_crlf_and_bare_cr_into_lf()
    {
        Assert.Equal("one\ntwo\nthree\n\nfour", TextCleaner.Clean("one\r\ntwo\rthree\r\n\rfour"));
    }

    [Fact]
    public void Composes_to_unicode_nfc()
    {
        Assert.Equal("Café", TextCleaner.Clean("Cafe\u0301"));
    }

    [Fact]
    public void Removes_control_characters_but_keeps_newlines_and_tabs()
    {
        Assert.Equal("a\tb\ncde", TextCleaner.Clean("a\tb\n\u0001c\u001bd\u007fe\u0000"));
    }

    [Fact]
    public void Turns_unicode_line_and_paragraph_separators_into_line_breaks()
    {
        Assert.Equal("one\ntwo\n\nthree", TextCleaner.Clean("one\u2028two\u2029three"));
    }

    [Fact]
    public void Removes_stray_byte_order_marks()
    {
        Assert.Equal("ab", TextCleaner.Clean("a\uFEFFb"));
    }

    [Fact]
    public void Keeps_curly_quotes_dashes_and_non_breaking_spaces()
    {
        const string typography = "“Quoted” ‘single’ it’s – en — em\u00a0nbsp … £€";

        Assert.Equal(typography, TextCleaner.Clean(typography));
    }
}
