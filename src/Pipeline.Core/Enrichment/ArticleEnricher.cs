using Pipeline.Core.Articles;
using Pipeline.Core.Normalization;

namespace Pipeline.Core.Enrichment;

/// <summary>
/// Completes a normalized article into the stored <see cref="Article"/>: id, plain body, language, counts, reading
/// time, summary, keyphrases, content hash and near-duplicate fingerprint, and a title for a source that states none
/// (see <see cref="FallbackTitle"/>). Everything it adds is a deterministic
/// function of the content (and the ingest time), cheap enough to run on every upload.
/// </summary>
public sealed class ArticleEnricher(TimeProvider timeProvider)
{
    public ArticleEnricher()
        : this(TimeProvider.System)
    {
    }

    public Article Enrich(NormalizedArticle normalized, SourceDocument source, int partIndex = 0)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        ArgumentNullException.ThrowIfNull(source);
        var paragraphs = normalized.Sections.SelectMany(s => s.Paragraphs).ToList();

        // The text as a reader sees it: each section's heading, then its paragraphs, in order.
        var body = string.Join("\n\n", normalized.Sections.SelectMany(s => s.Heading is null ? s.Paragraphs : s.Paragraphs.Prepend(s.Heading)));
        var wordCount = TextStatistics.CountWords(body);

        // What the source declares wins: it knows, detection guesses.
        var title = string.IsNullOrWhiteSpace(normalized.Title) ? FallbackTitle.For(normalized.Sections) : normalized.Title;
        var language = normalized.Language ?? LanguageIdentifier.Identify($"{title}\n\n{body}");
        return new Article
        {
            Id = ArticleId.FromBlobName(source.Name, partIndex),
            Source = new ArticleOrigin(source.Name, source.ETag, source.ContentType, source.LastModified),
            Format = normalized.Format,
            Title = title,
            Authors = normalized.Authors,
            Published = normalized.Published,
            Modified = normalized.Modified,
            SiteName = normalized.SiteName,
            CanonicalUrl = normalized.CanonicalUrl,
            LeadImageUrl = normalized.LeadImageUrl,
            Description = normalized.Description,
            Sections = normalized.Sections,
            Body = body,
            Related = normalized.Related,
            Tags = normalized.Tags,
            Language = language,
            WordCount = wordCount,
            ReadingTimeMinutes = TextStatistics.ReadingMinutes(wordCount),
            Summary = LeadSummary.Summarize(paragraphs),
            Keyphrases = KeyphraseExtractor.Extract(title, normalized.Sections, language),
            Fingerprint = ContentFingerprint.Compute(paragraphs),
            ContentHash = ContentHash.Compute(normalized),
            IngestedAt = timeProvider.GetUtcNow(),
        };
    }
}
