using SmartReader;

namespace Pipeline.Bench.Extraction.Extractors;

/// <summary>
/// Plain SmartReader as a library user would call it on uploaded bytes: its own charset detection, its own
/// <see cref="Article.TextContent"/>, <see cref="Article.Title"/>, <see cref="Article.Byline"/>,
/// <see cref="Article.PublicationDate"/> and <see cref="Article.SiteName"/>.
/// </summary>
internal sealed class SmartReaderExtractor : IArticleExtractor
{
    public string Name => "SmartReader";

    public ExtractedArticle Extract(string fileName, byte[] html, Uri pageUrl)
    {
        try
        {
            using var stream = new MemoryStream(html, writable: false);
            using var reader = new Reader(pageUrl.AbsoluteUri, stream);
            var article = reader.GetArticle();
            return new ExtractedArticle(
                article.TextContent ?? string.Empty,
                article.Title,
                article.Byline,
                ToInstant(article.PublicationDate),
                article.SiteName,
                article.IsReadable ? null : "not readable");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ExtractedArticle.Failed($"{ex.GetType().Name}: {ex.Message}");
        }
    }

    // SmartReader returns a DateTime; a Local one is a real instant, an Unspecified one is taken as UTC.
    private static DateTimeOffset? ToInstant(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Unspecified } date => new DateTimeOffset(date, TimeSpan.Zero),
        var date => new DateTimeOffset(date.Value),
    };
}
