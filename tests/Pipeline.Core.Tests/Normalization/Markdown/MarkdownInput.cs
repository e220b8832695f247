using System.Text;
using Pipeline.Core.Normalization;
using Pipeline.Core.Normalization.Markdown;

namespace Pipeline.Core.Tests.Normalization.Markdown;

/// <summary>Runs the Markdown normalizer on inline text, for tests that read like the input.</summary>
internal static class MarkdownInput
{
    public static NormalizedArticle Normalize(string markdown, string name = "post.md") =>
        Assert.Single(new MarkdownNormalizer().Normalize(new SourceDocument(name, Encoding.UTF8.GetBytes(markdown))));

    public static NormalizationException Reject(string markdown, string name = "post.md") =>
        Assert.Throws<NormalizationException>(() => new MarkdownNormalizer().Normalize(new SourceDocument(name, Encoding.UTF8.GetBytes(markdown))));

    public static IEnumerable<string> Paragraphs(NormalizedArticle article) => article.Sections.SelectMany(s => s.Paragraphs);
}
