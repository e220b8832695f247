using System.Text;
using Pipeline.Core.Articles;
using Pipeline.Core.Normalization;
using Pipeline.Core.Normalization.Detection;
using Pipeline.Testing;

namespace Pipeline.Core.Tests.Normalization.Detection;

/// <summary>
/// Format detection goes by content; the name and content type only settle what content leaves open. Each row is
/// a name, a declared content type, the content, and the format it must be read as.
/// </summary>
public sealed class FormatDetectorTests
{
    public static TheoryData<string, string, string?, string, ArticleFormat> InlineCases => new()
    {
        // JSON: content that parses wins over any name.
        { "JSON object", "export.json", "application/json", """{"title": "A", "body": "B"}""", ArticleFormat.Json },
        { "JSON array named .txt", "export.txt", null, """[{"title": "A"}]""", ArticleFormat.Json },
        { "JSON with leading whitespace and no name hint", "upload", null, "\n\n  {\"headline\": \"A\"}", ArticleFormat.Json },
        { "JSON-LD by content type", "article", "application/ld+json", """{"@type": "NewsArticle"}""", ArticleFormat.Json },
        { "broken JSON object still read as JSON", "upload", null, """{"title": "A", "body": """, ArticleFormat.Json },
        { "broken JSON named .json", "export.json", null, "[1, 2", ArticleFormat.Json },
        { "bracketed prose is not JSON", "notes", null, "[Updated] Council votes on budget\n\nThe council met.", ArticleFormat.PlainText },
        { "broken JSON named .txt is text", "notes.txt", null, """{"draft": notes""", ArticleFormat.PlainText },

        // HTML: a page by its doctype or root element, a fragment by its tags.
        { "HTML page named .txt", "page.txt", "text/plain", "<!DOCTYPE html><html><head><title>A</title></head><body><p>B</p></body></html>", ArticleFormat.Html },
        { "HTML page without doctype", "page", null, "<html lang=\"en\">\n<body><p>Story</p></body></html>", ArticleFormat.Html },
        { "HTML page after a comment", "page", null, "<!-- saved from url=(0014)about:internet -->\n<html><body>Story</body></html>", ArticleFormat.Html },
        { "HTML fragment", "fragment", null, "<article><h1>Title</h1><p>One.</p><p>Two.</p></article>", ArticleFormat.Html },
        { "one tag named .html", "story.html", null, "Just a line of text<br>and another", ArticleFormat.Html },
        { "one tag with no hint is text", "story", null, "Just a line of text<br>and another", ArticleFormat.PlainText },

        // Markdown: front matter or headings by content, other syntax only when named Markdown.
        { "front matter", "post", null, "---\ntitle: A\ndate: 2024-01-01\n---\n\nBody text.", ArticleFormat.Markdown },
        { "front matter named .txt", "post.txt", null, "---\ntitle: A\n---\nBody text.", ArticleFormat.Markdown },
        { "opening ATX heading", "notes", null, "# Title\n\nBody text.", ArticleFormat.Markdown },
        { "two ATX headings", "notes", null, "Intro line.\n\n## One\n\nText.\n\n## Two\n\nText.", ArticleFormat.Markdown },
        { "Markdown page showing HTML in a code block", "post", null, "# Embedding\n\n```html\n<!DOCTYPE html>\n<html><body></body></html>\n```\n", ArticleFormat.Markdown },
        { "README starting with HTML and headings", "README", null, "<p align=\"center\"><img src=\"logo.png\"></p>\n\n# Tool\n\n## Install\n\nRun it.", ArticleFormat.Markdown },
        { "links in a .md file", "post.md", null, "Title\n\nSee [the report](https://example.com/report).", ArticleFormat.Markdown },
        { "emphasis by content type", "post", "text/markdown; charset=utf-8", "Title\n\nThis is **important**.", ArticleFormat.Markdown },
        { "plain .md file is text", "post.md", null, "Title\n\nJust prose, nothing marked up.", ArticleFormat.PlainText },
        { "links without a Markdown name are text", "notes", null, "Title\n\nSee [the report](https://example.com/report).", ArticleFormat.PlainText },
        { "one heading further down is text", "notes", null, "Title\n\nText.\n\n# not really a heading\n", ArticleFormat.PlainText },

        // Plain text: everything else, whatever it is named.
        { "scraped text", "story.txt", null, "Headline\n\nBy Jane Doe\n\nFirst paragraph.", ArticleFormat.PlainText },
        { "text named .json", "story.json", null, "Headline\n\nFirst paragraph.", ArticleFormat.PlainText },
        { "text named .html", "story.html", null, "Headline\n\nFirst paragraph.", ArticleFormat.PlainText },
        { "whitespace only", "blank.json", null, "  \n\t\n", ArticleFormat.PlainText },
    };

    [Theory]
    [MemberData(nameof(InlineCases))]
    public void Detects_format_by_content_with_name_and_content_type_as_hints(string description, string name, string? contentType, string content, ArticleFormat expected)
    {
        var format = FormatDetector.Detect(new SourceDocument(name, Encoding.UTF8.GetBytes(content), contentType));

        Assert.True(expected == format, $"{description}: detected {format}, expected {expected}");
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF }, "utf-8")]
    [InlineData(new byte[] { 0xFF, 0xFE }, "utf-16")]
    [InlineData(new byte[] { 0xFE, 0xFF }, "utf-16BE")]
    public void Detects_json_behind_a_byte_order_mark(byte[] byteOrderMark, string encodingName)
    {
        var json = Encoding.GetEncoding(encodingName).GetBytes("""{"title": "A", "body": "B"}""");

        byte[] content = [.. byteOrderMark, .. json];

        var format = FormatDetector.Detect(new SourceDocument("upload", content));

        Assert.Equal(ArticleFormat.Json, format);
    }

    [Fact]
    public void Detects_too_deeply_nested_json_as_json_so_it_is_rejected_as_such()
    {
        var json = new string('[', 10_000) + new string(']', 10_000);

        Assert.Equal(ArticleFormat.Json, FormatDetector.Detect(new SourceDocument("deep", Encoding.UTF8.GetBytes(json))));
    }

    [Fact]
    public void Rejects_binary_content_with_reason_code()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

        var exception = Assert.Throws<NormalizationException>(() => FormatDetector.Detect(new SourceDocument("photo.md", png)));

        Assert.Equal(NormalizationErrorCode.Binary, exception.Code);
    }

    [Fact]
    public void Detects_every_readability_source_page_as_html()
    {
        var root = TestData.RequireShared("corpora", "readability");

        AssertAll(Directory.GetDirectories(root).Select(dir => Path.Combine(dir, "source.html")), ArticleFormat.Html, name => "page");
    }

    [Fact]
    public void Detects_every_readability_expected_article_fragment_as_html()
    {
        var root = TestData.RequireShared("corpora", "readability");

        AssertAll(Directory.GetDirectories(root).Select(dir => Path.Combine(dir, "expected.html")), ArticleFormat.Html, name => "fragment");
    }

    [Fact]
    public void Detects_every_readability_metadata_file_as_json()
    {
        var root = TestData.RequireShared("corpora", "readability");

        AssertAll(Directory.GetDirectories(root).Select(dir => Path.Combine(dir, "expected-metadata.json")), ArticleFormat.Json, name => "metadata");
    }

    [Fact]
    public void Detects_every_postlight_fixture_as_html()
    {
        var root = TestData.RequireShared("corpora", "postlight", "fixtures");

        AssertAll(Directory.GetFiles(root, "*.html"), ArticleFormat.Html, name => name);
    }

    [Fact]
    public void Detects_every_bbc_article_as_plain_text()
    {
        var root = TestData.RequireShared("corpora", "bbc");

        AssertAll(Directory.GetDirectories(root).SelectMany(dir => Directory.GetFiles(dir, "*.txt")), ArticleFormat.PlainText, name => name);
    }

    [Fact]
    public void Detects_the_seed_sample_as_plain_text()
    {
        var path = TestData.RequireShared("samples", "ukraine-peace-talks.txt");

        AssertAll([path], ArticleFormat.PlainText, name => name);
    }

    /// <param name="nameOf">The upload name to give each file: without an extension the content alone decides.</param>
    private static void AssertAll(IEnumerable<string> paths, ArticleFormat expected, Func<string, string> nameOf)
    {
        var files = paths.Where(File.Exists).ToList();
        var wrong = files
            .Select(path => (path, format: FormatDetector.Detect(new SourceDocument(nameOf(Path.GetFileName(path)), File.ReadAllBytes(path)))))
            .Where(result => result.format != expected)
            .Select(result => $"{result.path}: {result.format}")
            .ToList();

        Assert.NotEmpty(files);
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {files.Count} not {expected}:\n{string.Join('\n', wrong.Take(20))}");
    }
}
