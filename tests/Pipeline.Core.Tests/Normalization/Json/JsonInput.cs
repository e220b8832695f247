using System.Text;
using Pipeline.Core.Normalization;
using Pipeline.Core.Normalization.Json;

namespace Pipeline.Core.Tests.Normalization.Json;

/// <summary>Runs the JSON normalizer on inline JSON, for tests that read like the input.</summary>
internal static class JsonInput
{
    public static IReadOnlyList<NormalizedArticle> NormalizeAll(string json, string name = "export.json") =>
        NormalizeAll(Encoding.UTF8.GetBytes(json), name);

    public static IReadOnlyList<NormalizedArticle> NormalizeAll(byte[] json, string name = "export.json") =>
        new JsonNormalizer().Normalize(new SourceDocument(name, json));

    public static NormalizedArticle Normalize(string json, string name = "export.json") => Assert.Single(NormalizeAll(json, name));

    public static NormalizationException Reject(string json, string name = "export.json") => Reject(Encoding.UTF8.GetBytes(json), name);

    public static NormalizationException Reject(byte[] json, string name = "export.json") =>
        Assert.Throws<NormalizationException>(() => NormalizeAll(json, name));

    public static IEnumerable<string> Paragraphs(NormalizedArticle article) => article.Sections.SelectMany(s => s.Paragraphs);
}
