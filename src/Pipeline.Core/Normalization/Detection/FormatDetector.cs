using Pipeline.Core.Articles;
using Pipeline.Core.Normalization.Text;

namespace Pipeline.Core.Normalization.Detection;

/// <summary>
/// Decides which normalizer reads a source, by content first: the name's extension and the declared content type
/// are hints that only settle what the content leaves open (see <see cref="FormatHints"/>). Call it on decompressed
/// content; <see cref="ArticleNormalizer"/> unwraps gzip first.
/// </summary>
/// <remarks>
/// The rules run in order and the first that matches wins (see <see cref="Rules"/>). Strong signals come first: JSON
/// that parses, a saved HTML page, front matter, Markdown headings. Weaker ones (scattered tags, Markdown emphasis)
/// come after, and the weakest need the hint to agree. Everything else is plain text, the format that reads any
/// text. Only the first <see cref="SampleLength"/> bytes are looked at, except that JSON is parsed in full.
/// </remarks>
public static class FormatDetector
{
    /// <summary>How much of the content the text rules look at.</summary>
    public const int SampleLength = 8 * 1024;

    private static readonly DetectionRule[] Rules =
    [
        new("JSON value", ArticleFormat.Json, input => JsonSignature.Matches(input.Content.Span, input.Sample, input.Hint)),
        new("HTML page", ArticleFormat.Html, input => HtmlSignature.IsDocument(input.Sample)),
        new("Markdown front matter", ArticleFormat.Markdown, input => MarkdownSignature.HasFrontMatter(input.Sample)),
        new("Markdown headings", ArticleFormat.Markdown, input => MarkdownSignature.HasHeadings(input.Sample)),
        new("HTML fragment", ArticleFormat.Html, input => HtmlSignature.IsFragment(input.Sample, input.Hint == ArticleFormat.Html)),
        new("Markdown named as such", ArticleFormat.Markdown, input => input.Hint == ArticleFormat.Markdown && MarkdownSignature.HasMarkdownSyntax(input.Sample)),
    ];

    /// <summary>The format of <paramref name="source"/>; <see cref="ArticleFormat.PlainText"/> when nothing more specific fits.</summary>
    /// <exception cref="NormalizationException"><see cref="NormalizationErrorCode.Binary"/> when the content is not text.</exception>
    public static ArticleFormat Detect(SourceDocument source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var content = source.Content;
        if (content.IsEmpty)
        {
            // Nothing to sniff; the plain-text normalizer reports it as empty.
            return ArticleFormat.PlainText;
        }

        var sample = TextDecoder.Decode(content.Span[..Math.Min(content.Length, SampleLength)])
            ?? throw new NormalizationException(NormalizationErrorCode.Binary, $"'{source.Name}' is not text.");
        var input = new DetectionInput(content, sample.Text, FormatHints.Guess(source.Name, source.ContentType));
        if (XmlSignature.IsXmlDocument(sample.Text) && !HtmlSignature.IsDocument(sample.Text))
        {
            // Feeds, sitemaps and other XML: read as text they would index their markup. XHTML pages are HTML pages.
            throw new NormalizationException(
                NormalizationErrorCode.UnsupportedFormat,
                $"'{source.Name}' is an XML document; Pipeline reads HTML, Markdown, JSON and plain text articles.");
        }

        foreach (var rule in Rules)
        {
            if (rule.Matches(input))
            {
                return rule.Format;
            }
        }

        return ArticleFormat.PlainText;
    }

    /// <param name="Content">All of the source's bytes.</param>
    /// <param name="Sample">The first <see cref="SampleLength"/> bytes, decoded.</param>
    /// <param name="Hint">The format the name or content type suggests.</param>
    private sealed record DetectionInput(ReadOnlyMemory<byte> Content, string Sample, ArticleFormat? Hint);

    /// <param name="Name">What the rule recognises, for reading the table.</param>
    private sealed record DetectionRule(string Name, ArticleFormat Format, Func<DetectionInput, bool> Matches);
}
