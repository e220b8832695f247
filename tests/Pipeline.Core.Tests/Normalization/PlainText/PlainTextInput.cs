using System.Text;
using Pipeline.Core.Normalization;
using Pipeline.Core.Normalization.PlainText;

namespace Pipeline.Core.Tests.Normalization.PlainText;

/// <summary>Runs the plain-text normalizer on inline text or on a file, for tests that read like the input.</summary>
internal static class PlainTextInput
{
    public static NormalizedArticle Normalize(string text, string name = "article.txt") =>
        Normalize(Encoding.UTF8.GetBytes(text), name);

    public static NormalizedArticle Normalize(byte[] bytes, string name = "article.txt") =>
        Assert.Single(new PlainTextNormalizer().Normalize(new SourceDocument(name, bytes)));

    public static NormalizedArticle NormalizeFile(string path) => Normalize(File.ReadAllBytes(path), Path.GetFileName(path));

    public static NormalizationException Reject(byte[] bytes, string name = "article.txt") =>
        Assert.Throws<NormalizationException>(() => new PlainTextNormalizer().Normalize(new SourceDocument(name, bytes)));

    public static NormalizationException Reject(string text) => Reject(Encoding.UTF8.GetBytes(text));

    public static IEnumerable<string> Paragraphs(NormalizedArticle article) => article.Sections.SelectMany(s => s.Paragraphs);
}
