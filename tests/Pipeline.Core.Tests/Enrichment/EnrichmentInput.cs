using System.Text;
using Pipeline.Core.Articles;
using Pipeline.Core.Enrichment;
using Pipeline.Core.Normalization;
using Pipeline.Core.Normalization.PlainText;
using Pipeline.Testing;

namespace Pipeline.Core.Tests.Enrichment;

/// <summary>Real articles as ingest sees them: shared corpus files run through the plain-text normalizer.</summary>
internal static class EnrichmentInput
{
    private static readonly PlainTextNormalizer Normalizer = new();

    /// <param name="category">business, entertainment, politics, sport or tech.</param>
    /// <param name="number">The file number, 7 for <c>007.txt</c>.</param>
    public static NormalizedArticle Bbc(string category, int number) =>
        NormalizeFile(TestData.RequireShared("corpora", "bbc", category, $"{number:000}.txt"));

    /// <summary>Every <paramref name="step"/>th BBC article of each category, in file order.</summary>
    public static IEnumerable<(string Name, NormalizedArticle Article)> BbcSample(int step)
    {
        var root = TestData.RequireShared("corpora", "bbc");
        return Directory.GetDirectories(root)
            .Order(StringComparer.Ordinal)
            .SelectMany(category => Directory.GetFiles(category, "*.txt").Order(StringComparer.Ordinal).Where((_, i) => i % step == 0))
            .Select(path => (Path.GetRelativePath(root, path), NormalizeFile(path)));
    }

    public static NormalizedArticle Seed() => NormalizeFile(TestData.RequireShared("samples", "ukraine-peace-talks.txt"));

    public static NormalizedArticle Text(string title, params string[] paragraphs) => new()
    {
        Format = ArticleFormat.PlainText,
        Title = title,
        Sections = [new ArticleSection(null, paragraphs)],
    };

    public static Article Enrich(NormalizedArticle article, string name = "article.txt") =>
        new ArticleEnricher().Enrich(article, new SourceDocument(name, Encoding.UTF8.GetBytes(article.Title)));

    public static IReadOnlyList<string> Paragraphs(NormalizedArticle article) => [.. article.Sections.SelectMany(s => s.Paragraphs)];

    private static NormalizedArticle NormalizeFile(string path) =>
        Assert.Single(Normalizer.Normalize(new SourceDocument(Path.GetFileName(path), File.ReadAllBytes(path))));
}
