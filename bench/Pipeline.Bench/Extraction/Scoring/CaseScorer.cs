using Pipeline.Bench.Extraction.Corpora;
using Pipeline.Bench.Extraction.Extractors;

namespace Pipeline.Bench.Extraction.Scoring;

internal static class CaseScorer
{
    /// <summary>The expected content start must begin within this many non-whitespace characters of the body.</summary>
    public const int ContentStartWindow = 500;

    public static ReadabilityScore Score(ReadabilityCase expected, IReadOnlyList<string> expectedTokens, ExtractedArticle output) => new(
        TextTokens.Score(TextTokens.Tokenize(output.Text), expectedTokens),
        expected.Title is null ? null : FieldComparison.SameText(output.Title, expected.Title),
        expected.Title is null ? null : FieldComparison.SameTitleIgnoringSiteName(output.Title, expected.Title, expected.SiteName),
        expected.Byline is null ? null : FieldComparison.SameByline(output.Byline, expected.Byline),
        expected.PublishedTime is null ? null : FieldComparison.SameInstant(output.Published, expected.PublishedTime),
        expected.SiteName is null ? null : FieldComparison.SameText(output.SiteName, expected.SiteName),
        output);

    public static PostlightScore Score(PostlightCase expected, ExtractedArticle output) => new(
        expected.Title is null ? null : FieldComparison.SameText(output.Title, expected.Title),
        expected.Author is null ? null : FieldComparison.SameByline(output.Byline, expected.Author),
        expected.DatePublished is null ? null : FieldComparison.SameInstant(output.Published, expected.DatePublished),
        expected.ContentStartsWith is null ? null : FieldComparison.StartsNear(output.Text, expected.ContentStartsWith, ContentStartWindow),
        output);
}
