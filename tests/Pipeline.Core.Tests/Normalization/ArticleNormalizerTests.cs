using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pipeline.Core.Articles;
using Pipeline.Core.Enrichment;
using Pipeline.Core.Normalization;
using Pipeline.Core.Normalization.Detection;
using Pipeline.Core.Normalization.Html;
using Pipeline.Core.Normalization.Json;
using Pipeline.Core.Normalization.Markdown;
using Pipeline.Core.Normalization.PlainText;
using Pipeline.Testing;

namespace Pipeline.Core.Tests.Normalization;

/// <summary>The normalizer ingest uses routes every upload to its format's normalizer, unwrapping gzip on the way.</summary>
public sealed class ArticleNormalizerTests
{
    private static readonly ArticleNormalizer Normalizer = new();

    public static TheoryData<string, string, ArticleFormat> Uploads => new()
    {
        { "story.txt", "Council approves budget\n\nThe council approved the budget on Monday after a long debate.", ArticleFormat.PlainText },
        { "story.md", "# Council approves budget\n\nThe council approved the **budget** on Monday.", ArticleFormat.Markdown },
        { "story.json", """{"title": "Council approves budget", "body": "The council approved the budget on Monday."}""", ArticleFormat.Json },
        { "story.html", "<!DOCTYPE html><html><head><title>Council approves budget</title></head><body><article><h1>Council approves budget</h1><p>The council approved the budget on Monday after a long debate that ran late into the night.</p></article></body></html>", ArticleFormat.Html },
        { "story", """{"headline": "Council approves budget", "articleBody": "The council approved the budget on Monday."}""", ArticleFormat.Json },
    };

    [Theory]
    [MemberData(nameof(Uploads))]
    public void Routes_each_upload_to_the_normalizer_for_its_format(string name, string content, ArticleFormat format)
    {
        var article = Assert.Single(Normalizer.Normalize(new SourceDocument(name, Encoding.UTF8.GetBytes(content))));

        Assert.Equal(format, article.Format);
        Assert.Equal("Council approves budget", article.Title);
    }

    [Fact]
    public void Decompresses_gzipped_html_page_and_reads_it_as_html()
    {
        var page = File.ReadAllBytes(TestData.RequireShared("corpora", "readability", "nytimes-1", "source.html"));

        var article = Assert.Single(Normalizer.Normalize(new SourceDocument("nytimes.html.gz", Gzip(page), "application/gzip")));

        Assert.Equal(ArticleFormat.Html, article.Format);
        Assert.Equal("United States to Lift Sudan Sanctions", article.Title);
    }

    [Fact]
    public void Detects_gzip_by_its_magic_bytes_whatever_the_name()
    {
        var article = Assert.Single(Normalizer.Normalize(new SourceDocument("story.txt", Gzip(Encoding.UTF8.GetBytes("# Title\n\nCompressed text.")))));

        Assert.Equal(ArticleFormat.Markdown, article.Format);
    }

    [Fact]
    public void Rejects_gzip_that_decompresses_past_the_limit_as_too_large()
    {
        // 2 MB of zeros compress to about 2 KB: a small bomb against a 1 MB limit.
        var bomb = Gzip(new byte[2 * 1024 * 1024]);
        var normalizer = Create(new ArticleNormalizerOptions { MaxSourceBytes = 1024 * 1024 });

        var exception = Assert.Throws<NormalizationException>(() => normalizer.Normalize(new SourceDocument("bomb.html.gz", bomb)));

        Assert.Equal(NormalizationErrorCode.TooLarge, exception.Code);
        Assert.True(bomb.Length < 10_000);
    }

    [Fact]
    public void Rejects_corrupt_gzip_as_malformed()
    {
        byte[] corrupt = [0x1F, 0x8B, 0x08, 0x00, 0xDE, 0xAD, 0xBE, 0xEF, 0x00, 0x00, 0xFF, 0xFF, 0xFF];

        var exception = Assert.Throws<NormalizationException>(() => Normalizer.Normalize(new SourceDocument("page.html.gz", corrupt)));

        Assert.Equal(NormalizationErrorCode.Malformed, exception.Code);
    }

    [Fact]
    public void Rejects_gzip_inside_gzip_as_unsupported()
    {
        var twice = Gzip(Gzip(Encoding.UTF8.GetBytes("Title\n\nText.")));

        var exception = Assert.Throws<NormalizationException>(() => Normalizer.Normalize(new SourceDocument("story.txt.gz.gz", twice)));

        Assert.Equal(NormalizationErrorCode.UnsupportedFormat, exception.Code);
    }

    [Fact]
    public void Rejects_source_over_the_limit_as_too_large_before_reading_it()
    {
        var normalizer = Create(new ArticleNormalizerOptions { MaxSourceBytes = 100 });

        var exception = Assert.Throws<NormalizationException>(() => normalizer.Normalize(new SourceDocument("story.txt", new byte[101])));

        Assert.Equal(NormalizationErrorCode.TooLarge, exception.Code);
    }

    [Theory]
    [InlineData("story.json", "")]
    [InlineData("story.md", " \n\t\n ")]
    [InlineData("story.html", "\uFEFF")]
    public void Rejects_empty_and_whitespace_uploads_as_empty_whatever_their_name(string name, string content)
    {
        var exception = Assert.Throws<NormalizationException>(() => Normalizer.Normalize(new SourceDocument(name, Encoding.UTF8.GetBytes(content))));

        Assert.Equal(NormalizationErrorCode.Empty, exception.Code);
    }

    [Theory]
    [InlineData("photo.jpg", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46 })]
    [InlineData("report.json", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A })]
    [InlineData("archive.md", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00 })]
    public void Rejects_binary_uploads_whatever_their_name(string name, byte[] content)
    {
        var exception = Assert.Throws<NormalizationException>(() => Normalizer.Normalize(new SourceDocument(name, content)));

        Assert.Equal(NormalizationErrorCode.Binary, exception.Code);
    }

    [Fact]
    public void Carries_front_matter_tags_through_enrichment()
    {
        var source = new SourceDocument("post.md", Encoding.UTF8.GetBytes("---\ntitle: Budget\ntags: [council, budget]\n---\nThe council approved the budget."));

        var article = new ArticleEnricher().Enrich(Assert.Single(Normalizer.Normalize(source)), source);

        Assert.Equal(["council", "budget"], article.Tags);
    }

    private static ArticleNormalizer Create(ArticleNormalizerOptions options) =>
        new(new PlainTextNormalizer(), new HtmlNormalizer(), new MarkdownNormalizer(), new JsonNormalizer(), Options.Create(options), NullLogger<ArticleNormalizer>.Instance);

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }
}
