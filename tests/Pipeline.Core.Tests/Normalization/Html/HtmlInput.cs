using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pipeline.Core.Normalization;
using Pipeline.Core.Normalization.Html;
using Pipeline.Testing;

namespace Pipeline.Core.Tests.Normalization.Html;

/// <summary>Runs the HTML normalizer on inline markup or on corpus pages, for tests that read like the input.</summary>
internal static class HtmlInput
{
    /// <summary>The address Readability's harness gives every test page; relative links resolve against it.</summary>
    public static readonly Uri ReadabilityPageUrl = new("http://fakehost/test/page.html");

    public static NormalizedArticle Normalize(string html, Uri? pageUrl = null) => Normalize(Encoding.UTF8.GetBytes(html), pageUrl);

    public static NormalizedArticle Normalize(byte[] bytes, Uri? pageUrl = null, string name = "page.html") =>
        new HtmlNormalizer().Normalize(new SourceDocument(name, bytes, "text/html"), pageUrl);

    /// <summary>A page from Mozilla Readability's test corpus, normalized at the harness's address.</summary>
    public static NormalizedArticle Readability(string caseName)
    {
        var path = TestData.RequireShared("corpora", "readability", caseName, "source.html");
        return Normalize(File.ReadAllBytes(path), ReadabilityPageUrl, $"{caseName}.html");
    }

    /// <summary>A page of the snippet-annotated corpus (stored gzip-compressed), normalized at its own address.</summary>
    public static NormalizedArticle Snippets(string id, string url)
    {
        var path = TestData.RequireShared("corpora", "snippets", "pages", id + ".html.gz");
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return Normalize(bytes.ToArray(), new Uri(url), id + ".html");
    }

    /// <summary>A fixture from Postlight Parser's corpus (saved with <c>value=</c> meta tags).</summary>
    public static NormalizedArticle Postlight(string site)
    {
        var path = TestData.RequireShared("corpora", "postlight", "fixtures", $"{site}.html");
        return Normalize(File.ReadAllBytes(path), pageUrl: null, $"{site}.html");
    }

    public static NormalizationException Reject(byte[] bytes, HtmlNormalizerOptions? options = null) =>
        Assert.Throws<NormalizationException>(() =>
            new HtmlNormalizer(Options.Create(options ?? new HtmlNormalizerOptions()), NullLogger<HtmlNormalizer>.Instance)
                .Normalize(new SourceDocument("page.html", bytes, "text/html")));

    public static NormalizationException Reject(string html) => Reject(Encoding.UTF8.GetBytes(html));

    public static IEnumerable<string> Paragraphs(NormalizedArticle article) => article.Sections.SelectMany(s => s.Paragraphs);

    public static string BodyText(NormalizedArticle article) => string.Join("\n\n", Paragraphs(article));

    /// <summary>A minimal article page around <paramref name="head"/> and <paramref name="body"/>.</summary>
    public static string Page(string head, string body) => $"""
        <!DOCTYPE html>
        <html>
        <head>{head}</head>
        <body>{body}</body>
        </html>
        """;

    /// <summary>Enough article prose for content extraction to recognise a block as the article.</summary>
    public static string Prose(int paragraphs = 4) => string.Concat(Enumerable.Range(1, paragraphs).Select(i =>
        $"<p>Paragraph {i} of the story tells, in plain and measured sentences, what happened, where it happened, " +
        "and why it matters to the people who live there, with enough detail and punctuation to read as prose.</p>"));
}
