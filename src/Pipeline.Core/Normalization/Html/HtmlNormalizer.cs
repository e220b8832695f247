using System.Globalization;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pipeline.Core.Articles;
using Pipeline.Core.Normalization.Metadata;

namespace Pipeline.Core.Normalization.Html;

/// <summary>
/// Normalizes an HTML page into one article: the main content (found by scoring blocks, see
/// <see cref="ArticleContainer"/>, with SmartReader as the fallback, see <see cref="MainContentExtractor"/>) as
/// sections and paragraphs, metadata by a fixed precedence (see
/// <see cref="ArticleMetadataReader"/>), and related-story boxes as <see cref="RelatedLink"/>s.
/// </summary>
/// <remarks>
/// Hostile input is turned away before parsing: pages over <see cref="HtmlNormalizerOptions.MaxSourceBytes"/>, pages
/// nested deeper than <see cref="HtmlNormalizerOptions.MaxNestingDepth"/> and pages with more than
/// <see cref="HtmlNormalizerOptions.MaxElements"/> elements (see <see cref="HtmlStructureScanner"/>).
/// </remarks>
public sealed class HtmlNormalizer(IOptions<HtmlNormalizerOptions> options, ILogger<HtmlNormalizer> logger) : IArticleNormalizer
{
    private readonly HtmlNormalizerOptions _options = options.Value;

    public HtmlNormalizer()
        : this(Options.Create(new HtmlNormalizerOptions()), NullLogger<HtmlNormalizer>.Instance)
    {
    }

    public IReadOnlyList<NormalizedArticle> Normalize(SourceDocument source) => [Normalize(source, documentUri: null)];

    /// <summary>Normalizes a page whose address is known, so that relative links resolve against it.</summary>
    /// <exception cref="NormalizationException">The page cannot be normalized; the exception says why.</exception>
    public NormalizedArticle Normalize(SourceDocument source, Uri? documentUri)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Content.Length > _options.MaxSourceBytes)
        {
            throw new NormalizationException(
                NormalizationErrorCode.TooLarge,
                string.Create(CultureInfo.InvariantCulture, $"'{source.Name}' is {source.Content.Length:N0} bytes; HTML pages are limited to {_options.MaxSourceBytes:N0} bytes."));
        }

        var html = HtmlSourceDecoder.Decode(source);
        if (string.IsNullOrWhiteSpace(html))
        {
            throw new NormalizationException(NormalizationErrorCode.Empty, $"'{source.Name}' holds only whitespace.");
        }

        var structure = HtmlStructureScanner.Scan(html, _options.MaxNestingDepth, _options.MaxElements);
        if (structure.MaxDepth > _options.MaxNestingDepth)
        {
            throw new NormalizationException(
                NormalizationErrorCode.Malformed,
                $"'{source.Name}' nests elements more than {_options.MaxNestingDepth} levels deep; no real page does, and parsing it would take minutes.");
        }

        if (structure.Elements > _options.MaxElements)
        {
            throw new NormalizationException(
                NormalizationErrorCode.TooLarge,
                string.Create(CultureInfo.InvariantCulture, $"'{source.Name}' has more than {_options.MaxElements:N0} elements; article pages have a few thousand."));
        }

        var document = new HtmlParser(new HtmlParserOptions { MaximumDepth = _options.MaxNestingDepth }).ParseDocument(html);
        var baseUri = DocumentBase.Resolve(document, documentUri);

        // Metadata first: content extraction edits the document.
        var metadata = ArticleMetadataReader.Read(document, baseUri);
        var related = RelatedLinksExtractor.Extract(document, baseUri);
        var byline = new BylineContext(metadata.Authors, metadata.Published is not null);

        // Passes, in order: boilerplate marked by tag, class and id; the body the page marks itself; our scoring of
        // blocks (ArticleContainer), with SmartReader as the fallback when it finds no clear winner (SmartReader edits
        // the page, so it runs last); the choice between the marked and the scored body; block classification while
        // the chosen block becomes sections (see ArticleBodyBuilder and BlockQuality).
        PageFurniture.Mark(document);
        var marked = ArticleBodyCandidate.Find(document, metadata.Title, byline);
        var choice = ArticleContainer.Find(document);
        string? readerByline = null;
        IReadOnlyList<ArticleSection> sections = [];
        var fromScoring = false;
        if (choice is { Uncertain: false })
        {
            choice.MarkRemoved();
            sections = ArticleBodyBuilder.Build(choice.Parts, metadata.Title, byline);
            fromScoring = sections.Count > 0;
            if (fromScoring)
            {
                readerByline = metadata.Authors.Count > 0 ? null : PageByline.Find(document);
            }
            else
            {
                // Cleaning took the whole block: nothing of it was text a reader sees.
                choice.UnmarkRemoved();
            }
        }

        if (!fromScoring)
        {
            // Our uncertain choice, kept for when the second opinion finds no text a reader sees; built now, as
            // SmartReader edits the page.
            IReadOnlyList<ArticleSection> uncertain = [];
            if (choice is { Uncertain: true })
            {
                choice.MarkRemoved();
                uncertain = ArticleBodyBuilder.Build(choice.Parts, metadata.Title, byline);
                choice.UnmarkRemoved();
            }

            // The second opinion: SmartReader's Readability scoring, on the pages where ours found no clear winner.
            logger.LogDebug("No clear article block in {SourceName}; asking SmartReader", source.Name);
            var content = MainContentExtractor.Extract(document, baseUri);
            if (!content.FromReader)
            {
                logger.LogDebug("SmartReader found no article in {SourceName}; using the page body", source.Name);
            }

            readerByline = content.Byline;
            fromScoring = content.FromReader;
            sections = ArticleBodyBuilder.Build(content.Element, metadata.Title, byline);
            if (sections.Count == 0 && uncertain.Count > 0)
            {
                logger.LogDebug("SmartReader's article in {SourceName} holds no text a reader sees; using our uncertain choice", source.Name);
                sections = uncertain;
                fromScoring = true;
            }
        }

        if (marked is not null && (!fromScoring || ArticleBodyCandidate.Prefer(marked, sections)))
        {
            logger.LogDebug("Using the article body {SourceName} marks itself instead of the scored block", source.Name);
            sections = marked;
        }

        if (sections.Count == 0)
        {
            throw new NormalizationException(NormalizationErrorCode.NoText, $"'{source.Name}' holds no article text.");
        }

        // A page that states no title anywhere gets none here, as Readability reports it; enrichment names the stored
        // article after its first words (see Enrichment.FallbackTitle).
        var title = metadata.Title ?? string.Empty;

        // The byline printed on the page (found by SmartReader while scoring, or by PageByline) is the last resort,
        // below every metadata tier and page heuristic.
        var authors = metadata.Authors.Count > 0 ? metadata.Authors : AuthorNames.Parse(readerByline);
        return new NormalizedArticle
        {
            Format = ArticleFormat.Html,
            Title = title,
            Authors = authors,
            Published = metadata.Published,
            Modified = metadata.Modified,
            Sections = sections,
            Related = related,
            Language = metadata.Language,
            SiteName = metadata.SiteName,
            CanonicalUrl = metadata.CanonicalUrl,
            LeadImageUrl = metadata.LeadImageUrl,
            Description = metadata.Description,
        };
    }
}
