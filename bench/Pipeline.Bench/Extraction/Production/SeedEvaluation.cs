using Pipeline.Core.Normalization;

namespace Pipeline.Bench.Extraction.Production;

internal sealed record SeedCheck(string Name, string Expected, string Actual, bool Passed);

/// <summary>
/// The seed demo (<c>samples/ukraine-peace-talks.txt</c>, scraped text with page chrome) through the production
/// normalizer, checked against what a reader of the page sees as the article.
/// </summary>
internal static class SeedEvaluation
{
    public const string RelativePath = "samples/ukraine-peace-talks.txt";

    private const string ExpectedTitle = "Ukraine Seeks New Peace Talks With Russia Amid Ongoing Violence";
    private const int ExpectedBodyParagraphs = 9;

    private static readonly string[] ExpectedHeadings =
    [
        "Urgent Need for Military Support",
        "Updates on Negotiations and Casualties",
        "Conditions for Peace and Challenges Ahead",
    ];

    private static readonly string[] ExpectedRelated =
    [
        "Superman Soars High with $57.3 Million in Second Weekend",
        "The Heartfelt Dilemma of Rural Queenslanders Facing Health Challenges",
        "Crows Soar to Victory with Thilthorpe’s Key Contributions",
        "Scottie Scheffler Reflects on Life Beyond Golf Ahead of The Open",
        "New Political Dynamics in Tasmania as Leaders Engage Crossbenchers",
        "Perth Grandmother Appeals Six-Year Sentence in Japan with Help of Romance Scam Expert",
    ];

    public static IReadOnlyList<SeedCheck> Evaluate(string path, IArticleNormalizer normalizer)
    {
        NormalizedArticle article;
        try
        {
            article = normalizer.Normalize(new SourceDocument(Path.GetFileName(path), File.ReadAllBytes(path), "text/plain")).Single();
        }
        catch (NormalizationException ex)
        {
            return [new SeedCheck("normalizes", "one article", $"{ex.Code}: {ex.Message}", false)];
        }

        var headings = article.Sections.Select(s => s.Heading).OfType<string>().ToList();
        var paragraphs = article.Sections.SelectMany(s => s.Paragraphs).ToList();
        var related = article.Related.Select(r => r.Title).ToList();

        // Everything the article renders, one line per title, heading, paragraph and related headline.
        var lines = paragraphs.Concat(headings).Concat(related).Prepend(article.Title).ToList();
        var byLines = lines.Count(l => string.Equals(l.Trim(), "By", StringComparison.Ordinal));
        var avatarLines = lines.Count(l => l.Contains("Avatar", StringComparison.Ordinal));
        var titleOccurrences = lines.Count(l => l.Contains(ExpectedTitle, StringComparison.Ordinal));

        return
        [
            Check("exact title", ExpectedTitle, article.Title, article.Title == ExpectedTitle),
            Check("three headings", string.Join(" / ", ExpectedHeadings), string.Join(" / ", headings), headings.SequenceEqual(ExpectedHeadings)),
            Check("body paragraphs", ExpectedBodyParagraphs.ToString(System.Globalization.CultureInfo.InvariantCulture), paragraphs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), paragraphs.Count == ExpectedBodyParagraphs),
            Check("six related headlines", $"{ExpectedRelated.Length} headlines", $"{related.Count} headlines{(related.SequenceEqual(ExpectedRelated) ? ", all equal" : ", differ")}", related.SequenceEqual(ExpectedRelated)),
            Check("no line equal to \"By\"", "0", byLines.ToString(System.Globalization.CultureInfo.InvariantCulture), byLines == 0),
            Check("no line containing \"Avatar\"", "0", avatarLines.ToString(System.Globalization.CultureInfo.InvariantCulture), avatarLines == 0),
            Check("title appears once", "1", titleOccurrences.ToString(System.Globalization.CultureInfo.InvariantCulture), titleOccurrences == 1),
        ];
    }

    private static SeedCheck Check(string name, string expected, string actual, bool passed) => new(name, expected, actual, passed);
}
