using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Core.Articles;
using Pipeline.Core.Enrichment;
using Pipeline.Core.Ingestion.Resilience;
using Pipeline.Core.Normalization;
using Pipeline.Core.Search;
using Pipeline.Core.Telemetry;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// The ingest path shared by every host: source content → articles → normalized JSON + index, and the way back out
/// when a source is deleted.
/// </summary>
/// <remarks>
/// Bad input is recorded as a rejection, not thrown, so it never stops the blobs behind it. Storage and index calls
/// are retried on transient faults; a try that still fails is counted in the rejection store and thrown to the
/// trigger, which delivers the blob again, until <see cref="IngestOptions.MaxAttempts"/> tries have failed and the
/// blob is parked instead. Writes for one blob name are serialized, and an article is never replaced by one from an
/// older version of its blob.
/// </remarks>
public sealed partial class ArticleIngestor(
    IArticleNormalizer normalizer,
    ArticleEnricher enricher,
    IArticleIndex index,
    INormalizedArticleStore store,
    IRejectionStore rejections,
    RetryPolicy retry,
    IOptions<IngestOptions> options,
    TimeProvider timeProvider,
    ILogger<ArticleIngestor> logger)
{
    private readonly KeyedLock _blobLocks = new();

    public async Task<IngestResult> IngestAsync(SourceDocument source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var activity = IngestActivity.Start(source.Name);
        try
        {
            var result = await IngestLockedAsync(source, cancellationToken);
            activity?.Complete(result);
            return result;
        }
        catch (Exception ex)
        {
            activity?.Fail(ex);
            throw;
        }
    }

    /// <summary>
    /// Removes every article that came from the blob, from the index first and then from the store (so nothing stays
    /// searchable without its JSON), and forgets its rejection. Returns the ids removed.
    /// </summary>
    public async Task<IReadOnlyList<string>> RemoveAsync(string blobName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        using var held = await _blobLocks.AcquireAsync(blobName, cancellationToken);
        var removed = await RemovePartsFromAsync(blobName, 0, cancellationToken);
        await retry.ExecuteAsync("Clear rejection", ct => rejections.ClearAsync(blobName, ct), cancellationToken);
        if (removed.Count > 0)
        {
            LogRemoved(blobName, removed.Count, string.Join(", ", removed));
        }

        return removed;
    }

    /// <summary>Records that the blob cannot be ingested as it is, counting the try, and returns the rejection.</summary>
    public async Task<IngestResult> RejectAsync(string blobName, string? etag, NormalizationErrorCode code, string message, CancellationToken cancellationToken = default)
    {
        var record = await RecordAsync(blobName, etag, RejectionReasons.Of(code), message, cancellationToken);
        IngestMetrics.RecordRejected(RejectionReasons.Of(code));
        LogRejected(blobName, etag, code, message, record.Attempts);
        return IngestResult.Rejected(blobName, code, message);
    }

    /// <summary>
    /// Counts a try that failed on a transient fault. Below <see cref="IngestOptions.MaxAttempts"/> it throws
    /// <see cref="TransientIngestException"/> so the trigger tries again; at the limit the blob is parked and the
    /// trigger is told it is done, so it moves on to the next blob.
    /// </summary>
    public async Task<IngestResult> RecordFailedTryAsync(string blobName, string? etag, Exception fault, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fault);
        Rejection? previous;
        try
        {
            previous = await TryGetRejectionAsync(blobName, cancellationToken);
        }
        catch (Exception readFault) when (!cancellationToken.IsCancellationRequested && retry.Faults.IsTransient(readFault))
        {
            // Storage is down: the count cannot even be read, so the try is not counted and the blob stays unfinished.
            throw new TransientIngestException(blobName, 1, fault);
        }

        var attempts = previous is not null && previous.ETag == etag ? previous.Attempts + 1 : 1;
        var parked = attempts >= options.Value.MaxAttempts;
        var reason = parked ? RejectionReasons.Parked : RejectionReasons.Unavailable;
        try
        {
            await RecordAsync(blobName, etag, reason, fault.Message, cancellationToken, previous);
        }
        catch (Exception recordFault) when (!cancellationToken.IsCancellationRequested && retry.Faults.IsTransient(recordFault))
        {
            // Storage is down too: nothing can be counted, so the trigger keeps the blob (and its poison queue, the record).
            throw new TransientIngestException(blobName, attempts, fault);
        }

        if (!parked)
        {
            IngestMetrics.RecordRetry(IngestActivity.OperationName);
            LogTryFailed(blobName, attempts, options.Value.MaxAttempts, fault.Message);
            throw new TransientIngestException(blobName, attempts, fault);
        }

        IngestMetrics.RecordRejected(RejectionReasons.Parked);
        LogParked(blobName, attempts, fault.Message);
        return IngestResult.Parked(blobName, fault.Message);
    }

    /// <summary>
    /// Parks a blob the host gave up on by itself (the WebJobs trigger's poison queue), so that it is on record with
    /// the others and re-driven like them; the count goes on from the blob's earlier record.
    /// </summary>
    public async Task<Rejection> ParkAsync(string blobName, string? etag, string message, CancellationToken cancellationToken = default)
    {
        var record = await RecordAsync(blobName, etag, RejectionReasons.Parked, message, cancellationToken);
        IngestMetrics.RecordRejected(RejectionReasons.Parked);
        LogParked(blobName, record.Attempts, message);
        return record;
    }

    private async Task<IngestResult> IngestLockedAsync(SourceDocument source, CancellationToken cancellationToken)
    {
        using var held = await _blobLocks.AcquireAsync(source.Name, cancellationToken);
        try
        {
            return await IngestHeldAsync(source, cancellationToken);
        }
        catch (Exception ex) when (ex is not TransientIngestException && !cancellationToken.IsCancellationRequested && retry.Faults.IsTransient(ex))
        {
            return await RecordFailedTryAsync(source.Name, source.ETag, ex, cancellationToken);
        }
    }

    private async Task<IngestResult> IngestHeldAsync(SourceDocument source, CancellationToken cancellationToken)
    {
        IReadOnlyList<NormalizedArticle> normalized;
        var normalizing = IngestActivity.StartStep("normalize");
        try
        {
            normalized = normalizer.Normalize(source);
        }
        catch (NormalizationException ex)
        {
            normalizing?.SetStatus(ActivityStatusCode.Error, ex.Message);
            normalizing?.Dispose();
            return await RejectAsync(source.Name, source.ETag, ex.Code, ex.Message, cancellationToken);
        }

        var limit = options.Value.MaxTextLength;
        if (normalized.Select(TextLength).FirstOrDefault(length => length > limit) is var tooLong and > 0)
        {
            return await RejectAsync(
                source.Name, source.ETag, NormalizationErrorCode.TooLarge,
                $"'{source.Name}' has {tooLong:N0} characters of article text; the limit is {limit:N0} (Pipeline:Ingest:MaxTextLength).",
                cancellationToken);
        }

        List<Article> articles;
        using (normalizing)
        {
            // Enrichment (language, tags, similarity hashes) is part of turning the source into articles.
            articles = [.. normalized.Select((article, part) => enricher.Enrich(article, source, part))];
        }

        var indexed = new Article?[articles.Count];
        for (var part = 0; part < articles.Count; part++)
        {
            var id = articles[part].Id;
            indexed[part] = await retry.ExecuteAsync("Index read", ct => index.GetAsync(id, ct), cancellationToken);

            // Two versions uploaded in quick succession can be read in either order; the older must not win.
            if (IsNewer(indexed[part]?.Source, source))
            {
                var message = $"Version {source.ETag} ({source.LastModified:O}) is older than the indexed {indexed[part]!.Source.ETag} ({indexed[part]!.Source.LastModified:O}).";
                LogSuperseded(source.Name, message);
                return IngestResult.Superseded(source.Name, message);
            }
        }

        // The first part is written last: when the index holds it from this version, every part is written, which is
        // how a catch-up after a crash tells finished blobs from interrupted ones (InterruptedIngestCatchUp).
        for (var part = articles.Count - 1; part >= 0; part--)
        {
            var article = articles[part];

            // Triggers fire again for an unchanged re-upload (a new ETag is a new blob version); equal content hashes
            // mean a reader would see nothing new, so there is nothing to write.
            if (indexed[part]?.ContentHash == article.ContentHash)
            {
                LogUnchanged(source.Name, article.Id, indexed[part]!.IngestedAt);
                continue;
            }

            // The store is written before the index so that anything searchable can always be served in full.
            using (IngestActivity.StartStep("write-back", article.Id))
            {
                await retry.ExecuteAsync("Store write", ct => store.SaveAsync(article, ct), cancellationToken);
            }

            using (IngestActivity.StartStep("index", article.Id))
            {
                await retry.ExecuteAsync("Index write", ct => index.UpsertAsync(article, ct), cancellationToken);
            }

            IngestMetrics.RecordIndexed();
            LogIndexed(source.Name, article.Id, article.Title, article.WordCount, article.Sections.Count, article.Related.Count);
        }

        // A new version with fewer parts (a shorter JSON array) leaves the old tail behind otherwise.
        // A blob the index held no article of is new (or was only ever half-written before a crash, whose parts the
        // same ids overwrite): its surplus parts are looked for in the index alone, which saves a storage read per blob.
        var surplus = await RemovePartsFromAsync(source.Name, articles.Count, cancellationToken, lookInStore: indexed[0] is not null);
        if (surplus.Count > 0)
        {
            LogRemoved(source.Name, surplus.Count, string.Join(", ", surplus));
        }

        await retry.ExecuteAsync("Clear rejection", ct => rejections.ClearAsync(source.Name, ct), cancellationToken);
        return IngestResult.Indexed(source.Name, [.. articles.Select(a => a.Id)]);
    }

    /// <summary>Parts are numbered from 0 without gaps, so removal walks up from the first part until one is in neither place.</summary>
    private async Task<List<string>> RemovePartsFromAsync(string blobName, int firstPart, CancellationToken cancellationToken, bool lookInStore = true)
    {
        var removed = new List<string>();
        for (var part = firstPart; ; part++)
        {
            var id = ArticleId.FromBlobName(blobName, part);

            // Reads first: after most ingests there is no surplus part, and a read is cheaper than an index write.
            if (firstPart > 0 && !await ExistsAsync(id, lookInStore, cancellationToken))
            {
                return removed;
            }

            var fromIndex = await retry.ExecuteAsync("Index delete", ct => index.DeleteAsync(id, ct), cancellationToken);
            var fromStore = await retry.ExecuteAsync("Store delete", ct => store.DeleteAsync(id, ct), cancellationToken);
            if (!fromIndex && !fromStore)
            {
                return removed;
            }

            removed.Add(id);
        }
    }

    private async Task<bool> ExistsAsync(string id, bool lookInStore, CancellationToken cancellationToken) =>
        await retry.ExecuteAsync("Index read", ct => index.GetAsync(id, ct), cancellationToken) is not null
        || (lookInStore && await retry.ExecuteAsync("Store read", ct => store.GetAsync(id, ct), cancellationToken) is not null);

    private async Task<Rejection> RecordAsync(
        string blobName, string? etag, string reason, string message, CancellationToken cancellationToken, Rejection? previous = null)
    {
        previous ??= await TryGetRejectionAsync(blobName, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var record = previous?.Next(etag, reason, message, now) ?? Rejection.First(blobName, etag, reason, message, now);
        await retry.ExecuteAsync("Record rejection", ct => rejections.RecordAsync(record, ct), cancellationToken);
        return record;
    }

    private Task<Rejection?> TryGetRejectionAsync(string blobName, CancellationToken cancellationToken) =>
        retry.ExecuteAsync("Read rejection", ct => rejections.GetAsync(blobName, ct), cancellationToken);

    private static bool IsNewer(ArticleOrigin? indexed, SourceDocument source) =>
        indexed?.LastModified is { } indexedAt && source.LastModified is { } sourceAt && indexedAt > sourceAt;

    private static int TextLength(NormalizedArticle article) =>
        article.Sections.Sum(section => section.Paragraphs.Sum(paragraph => paragraph.Length));

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed {BlobName} as {ArticleId} \"{Title}\" ({WordCount} words, {SectionCount} sections, {RelatedCount} related)")]
    private partial void LogIndexed(string blobName, string articleId, string title, int wordCount, int sectionCount, int relatedCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {BlobName} as {ArticleId}: content unchanged since {IngestedAt:O}")]
    private partial void LogUnchanged(string blobName, string articleId, DateTimeOffset ingestedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {BlobName}: {Reason}")]
    private partial void LogSuperseded(string blobName, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {BlobName} ({ETag}): {Reason}: {Message} (attempt {Attempts})")]
    private partial void LogRejected(string blobName, string? etag, NormalizationErrorCode reason, string message, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Try {Attempts} of {MaxAttempts} for {BlobName} failed on a transient fault; the trigger will deliver it again: {Reason}")]
    private partial void LogTryFailed(string blobName, int attempts, int maxAttempts, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Parked {BlobName} after {Attempts} failed tries: {Reason}. It is re-driven when the index answers again, or by `pipeline redrive`")]
    private partial void LogParked(string blobName, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} article(s) of {BlobName}: {ArticleIds}")]
    private partial void LogRemoved(string blobName, int count, string articleIds);
}
