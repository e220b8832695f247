using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pipeline.Core.Articles;
using Pipeline.Core.Normalization.Detection;
using Pipeline.Core.Normalization.Html;
using Pipeline.Core.Normalization.Json;
using Pipeline.Core.Normalization.Markdown;
using Pipeline.Core.Normalization.PlainText;

namespace Pipeline.Core.Normalization;

/// <summary>
/// The normalizer ingest and the preview command use: unwraps gzip, detects the format by content (see
/// <see cref="FormatDetector"/>) and hands the source to that format's normalizer.
/// </summary>
public sealed class ArticleNormalizer : IArticleNormalizer
{
    private readonly FrozenDictionary<ArticleFormat, IArticleNormalizer> _normalizers;
    private readonly ArticleNormalizerOptions _options;
    private readonly ILogger<ArticleNormalizer> _logger;

    public ArticleNormalizer(
        PlainTextNormalizer plainText,
        HtmlNormalizer html,
        MarkdownNormalizer markdown,
        JsonNormalizer json,
        IOptions<ArticleNormalizerOptions> options,
        ILogger<ArticleNormalizer> logger)
    {
        _normalizers = new Dictionary<ArticleFormat, IArticleNormalizer>
        {
            [ArticleFormat.PlainText] = plainText,
            [ArticleFormat.Html] = html,
            [ArticleFormat.Markdown] = markdown,
            [ArticleFormat.Json] = json,
        }.ToFrozenDictionary();
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>A normalizer with default options, for tools and tests that do not use dependency injection.</summary>
    public ArticleNormalizer()
        : this(new PlainTextNormalizer(), new HtmlNormalizer(), new MarkdownNormalizer(), new JsonNormalizer(), Options.Create(new ArticleNormalizerOptions()), NullLogger<ArticleNormalizer>.Instance)
    {
    }

    public IReadOnlyList<NormalizedArticle> Normalize(SourceDocument source)
    {
        ArgumentNullException.ThrowIfNull(source);
        EnsureWithinLimit(source);
        if (GzipContent.IsGzip(source.Content.Span))
        {
            source = GzipContent.Decompress(source, _options.MaxSourceBytes);
            if (GzipContent.IsGzip(source.Content.Span))
            {
                throw new NormalizationException(NormalizationErrorCode.UnsupportedFormat, $"'{source.Name}' is compressed twice; upload it compressed once.");
            }
        }

        var format = FormatDetector.Detect(source);
        _logger.LogDebug("Normalizing {SourceName} ({ByteCount} bytes) as {Format}", source.Name, source.Content.Length, format);
        return _normalizers[format].Normalize(source);
    }

    private void EnsureWithinLimit(SourceDocument source)
    {
        if (source.Content.Length > _options.MaxSourceBytes)
        {
            throw new NormalizationException(
                NormalizationErrorCode.TooLarge,
                $"'{source.Name}' is {source.Content.Length:N0} bytes; sources are limited to {_options.MaxSourceBytes:N0} bytes.");
        }
    }
}
