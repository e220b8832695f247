using Microsoft.Extensions.Logging;
using Pipeline.Core.Enrichment;
using Pipeline.Core.Normalization;
using Pipeline.Core.Search;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// The ingest path shared by every host: blob content → articles → normalized JSON + index.
/// Bad input is recorded as a rejection, not thrown, so it never stops the blobs behind it;
/// storage and index failures do throw, so the host's retry policy can deal with them.
/// </summary>
public sealed class ArticleIngestor(
    IArticleNormalizer normalizer,
    ArticleEnricher enricher,
    IArticleIndex index,
    INormalizedArticleStore store,
    IRejectionStore rejections,
    TimeProvider timeProvider,
    ILogger<ArticleIngestor> logger)
{
    public async Task<IngestResult> IngestAsync(SourceDocument source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);

        IReadOnlyList<NormalizedArticle> normalized;
        try
        {
            normalized = normalizer.Normalize(source);
        }
        catch (NormalizationException ex)
        {
            logger.LogWarning("Rejected {BlobName} ({ETag}): {Reason}: {Message}", source.Name, source.ETag, ex.Code, ex.Message);
            await rejections.RecordAsync(
                new Rejection(source.Name, source.ETag, ex.Code, ex.Message, Attempts: 1, timeProvider.GetUtcNow()),
                cancellationToken);
            return IngestResult.Rejected(source.Name, ex.Code, ex.Message);
        }

        var ids = new List<string>(normalized.Count);
        for (var part = 0; part < normalized.Count; part++)
        {
            var article = enricher.Enrich(normalized[part], source, part);
            ids.Add(article.Id);

            // Triggers fire again for an unchanged re-upload (a new ETag is a new blob version); equal content hashes
            // mean a reader would see nothing new, so there is nothing to write.
            var indexed = await index.GetAsync(article.Id, cancellationToken);
            if (indexed?.ContentHash == article.ContentHash)
            {
                logger.LogInformation("Skipped {BlobName} as {ArticleId}: content unchanged since {IngestedAt:O}", source.Name, article.Id, indexed.IngestedAt);
                continue;
            }

            // The store is written before the index so that anything searchable can always be served in full.
            await store.SaveAsync(article, cancellationToken);
            await index.UpsertAsync(article, cancellationToken);
            logger.LogInformation(
                "Indexed {BlobName} as {ArticleId} \"{Title}\" ({WordCount} words, {SectionCount} sections, {RelatedCount} related)",
                source.Name, article.Id, article.Title, article.WordCount, article.Sections.Count, article.Related.Count);
        }

        await rejections.ClearAsync(source.Name, cancellationToken);
        return IngestResult.Indexed(source.Name, ids);
    }
}
