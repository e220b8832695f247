namespace Pipeline.Bench.Extraction.Extractors;

/// <summary>One extraction system under measurement: the pipeline's normalizer or a baseline.</summary>
internal interface IArticleExtractor
{
    string Name { get; }

    ExtractedArticle Extract(string fileName, byte[] html, Uri pageUrl);
}

/// <summary>What an extractor produced, reduced to the fields the scorers compare.</summary>
/// <param name="Text">The article text as the extractor renders it (headings and paragraphs, one per line).</param>
/// <param name="Failure">Why the extractor produced nothing, or null when it succeeded.</param>
internal sealed record ExtractedArticle(string Text, string? Title, string? Byline, DateTimeOffset? Published, string? SiteName, string? Failure = null)
{
    public static ExtractedArticle Failed(string reason) => new(string.Empty, null, null, null, null, reason);
}
