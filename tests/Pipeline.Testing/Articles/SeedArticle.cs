using Pipeline.Core.Articles;
using Pipeline.Core.Enrichment;
using Pipeline.Core.Normalization;
using Pipeline.Core.Normalization.PlainText;
using Xunit;

namespace Pipeline.Testing.Articles;

/// <summary>
/// The product demo (<c>../shared/samples/ukraine-peace-talks.txt</c>) as ingest stores it: normalized and enriched,
/// with its six "KEEP READING" headlines as related links. Tests that use it are skipped when the shared data is absent.
/// </summary>
public static class SeedArticle
{
    public const string BlobName = "samples/ukraine-peace-talks.txt";

    /// <summary>The six headlines under "KEEP READING", in page order, as the page writes them.</summary>
    public static IReadOnlyList<string> KeepReadingHeadlines { get; } =
    [
        "Superman Soars High with $57.3 Million in Second Weekend",
        "The Heartfelt Dilemma of Rural Queenslanders Facing Health Challenges",
        "Crows Soar to Victory with Thilthorpe’s Key Contributions",
        "Scottie Scheffler Reflects on Life Beyond Golf Ahead of The Open",
        "New Political Dynamics in Tasmania as Leaders Engage Crossbenchers",
        "Perth Grandmother Appeals Six-Year Sentence in Japan with Help of Romance Scam Expert",
    ];

    public static Article Load()
    {
        var path = TestData.RequireShared("samples", "ukraine-peace-talks.txt");
        var source = new SourceDocument(BlobName, File.ReadAllBytes(path), "text/plain");
        var normalized = Assert.Single(new PlainTextNormalizer().Normalize(source));
        return new ArticleEnricher().Enrich(normalized, source) with { IngestedAt = ArticleBuilder.DefaultIngestedAt };
    }
}
