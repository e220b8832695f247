using System.Text;
using Pipeline.Testing;
using static Pipeline.Core.Tests.Normalization.Html.HtmlInput;

namespace Pipeline.Core.Tests.Normalization.Html;

/// <summary>Pages are decoded by their bytes first; a charset declaration only counts when the bytes are not UTF-8.</summary>
public sealed class HtmlEncodingTests
{
    [Fact]
    public void Decodes_a_page_declaring_gb2312_as_the_utf8_it_is()
    {
        var article = Readability("qq");

        Assert.Equal("DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶_科技_腾讯网", article.Title);
        Assert.Contains("人工智能", BodyText(article), StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', BodyText(article));
    }

    [Fact]
    public void Decodes_a_page_declaring_shift_jis_as_the_utf8_it_is()
    {
        var article = Postlight("jvndb.jvn.jp");

        Assert.Equal("JVNDB-2018-013542 - JVN iPedia - 脆弱性対策情報データベース", article.Title);
        Assert.Contains("脆弱性", BodyText(article), StringComparison.Ordinal);
    }

    [Fact]
    public void Skips_the_byte_order_mark_of_a_la_nacion_page()
    {
        var path = TestData.RequireShared("corpora", "readability", "la-nacion", "source.html");
        Assert.True(File.ReadAllBytes(path).AsSpan().StartsWith("\uFEFF"u8.ToArray()), "the fixture starts with a UTF-8 BOM");

        var article = Readability("la-nacion");

        Assert.Equal("Una solución no violenta para la cuestión mapuche", article.Title);
        Assert.StartsWith("Los pueblos indígenas reclaman", BodyText(article), StringComparison.Ordinal);
    }

    [Fact]
    public void Decodes_genuine_shift_jis_by_its_declaration()
    {
        var shiftJis = CodePagesEncodingProvider.Instance.GetEncoding("shift_jis")!;
        var html = Page(
            """<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><title>日本語のページ</title>""",
            "<article>" + string.Concat(Enumerable.Repeat("<p>これは日本語で書かれた記事の段落です。内容は十分に長く、句読点も含まれています。</p>", 6)) + "</article>");

        var article = Normalize(shiftJis.GetBytes(html));

        Assert.Equal("日本語のページ", article.Title);
        Assert.StartsWith("これは日本語で書かれた記事の段落です。", BodyText(article), StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_latin1_text_without_a_declaration_as_windows_1252()
    {
        var html = Page("<title>Caf\u00e9 prices rise</title>", Prose() + "<p>A coffee now costs \u00a33.50 at the caf\u00e9 on the corner, up from last year.</p>");

        var article = Normalize(Encoding.Latin1.GetBytes(html));

        Assert.Equal("Café prices rise", article.Title);
        Assert.Contains("£3.50", BodyText(article), StringComparison.Ordinal);
    }
}
