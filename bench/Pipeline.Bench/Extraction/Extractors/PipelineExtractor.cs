using System.Text.RegularExpressions;
using Pipeline.Core.Normalization;
using Pipeline.Core.Normalization.Html;

namespace Pipeline.Bench.Extraction.Extractors;

/// <summary>Pipeline's <see cref="HtmlNormalizer"/>, as ingestion runs it.</summary>
internal sealed partial class PipelineExtractor : IArticleExtractor
{
    private readonly HtmlNormalizer _normalizer = new();

    public string Name => "Pipeline";

    public ExtractedArticle Extract(string fileName, byte[] html, Uri pageUrl)
    {
        try
        {
            var article = _normalizer.Normalize(new SourceDocument(fileName, html, "text/html"), pageUrl);

            // Headings count as article text here: the expected outputs contain them. The list-item markers the
            // normalizer writes ("• ", "3. ") are rendering, not page text, so they are not scored.
            var lines = article.Sections.SelectMany(s => s.Heading is null ? s.Paragraphs : s.Paragraphs.Prepend(s.Heading))
                .Select(p => ListMarker().Replace(p, string.Empty, 1));
            return new ExtractedArticle(
                string.Join('\n', lines),
                article.Title,
                article.Authors.Count == 0 ? null : string.Join(", ", article.Authors),
                article.Published,
                article.SiteName);
        }
        catch (NormalizationException ex)
        {
            return ExtractedArticle.Failed($"{ex.Code}: {ex.Message}");
        }
    }

    [GeneratedRegex(@"^(?:• |-?\d+\. )")]
    private static partial Regex ListMarker();
}
