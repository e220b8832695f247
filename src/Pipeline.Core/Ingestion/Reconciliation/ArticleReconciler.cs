using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion.Redrive;
using Pipeline.Core.Ingestion.Resilience;
using Pipeline.Core.Ingestion.Sources;
using Pipeline.Core.Search;

namespace Pipeline.Core.Ingestion.Reconciliation;

/// <summary>
/// Brings the index, the normalized store and the rejection records back in line with the articles container,
/// for what triggers cannot see: deleted blobs (blob triggers do not fire on deletes), blobs parked while the index
/// was down, and blobs a trigger lost (a host killed mid-run retries only after about 11 minutes).
/// </summary>
/// <remarks>
/// Every removal re-checks that the blob is still gone, so a blob uploaded again during the pass keeps its articles.
/// Hosts run a pass at start-up and then every <see cref="IngestOptions.ReconcileInterval"/>.
/// </remarks>
public sealed partial class ArticleReconciler(
    IArticleSourceStore sources,
    INormalizedArticleStore store,
    IRejectionStore rejections,
    IArticleIndex index,
    SourceBlobIngestor ingestor,
    RejectionRedriver redriver,
    TransientFaults faults,
    IOptions<IngestOptions> options,
    TimeProvider timeProvider,
    ILogger<ArticleReconciler> logger)
{
    /// <summary>An id no article has (ids never contain '_'): reading it tells whether the index answers.</summary>
    private const string ProbeId = "reconcile_probe";

    public async Task<ReconcileReport> ReconcileAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var blobs = new Dictionary<string, SourceBlob>(StringComparer.Ordinal);
        await foreach (var blob in sources.ListAsync(cancellationToken))
        {
            blobs[blob.Name] = blob;
        }

        LogStarted(blobs.Count);

        var withArticles = new HashSet<string>(StringComparer.Ordinal);
        var orphaned = new HashSet<string>(StringComparer.Ordinal);
        var storedCount = 0;
        await foreach (var stored in store.ListAsync(cancellationToken))
        {
            storedCount++;
            (blobs.ContainsKey(stored.SourceBlobName) ? withArticles : orphaned).Add(stored.SourceBlobName);
        }

        var removedArticles = 0;
        foreach (var blobName in orphaned)
        {
            removedArticles += (await ingestor.RemoveIfGoneAsync(blobName, cancellationToken)).Count;
        }

        LogArticlesChecked(storedCount, orphaned.Count, removedArticles);

        var records = new List<Rejection>();
        var cleared = 0;
        await foreach (var rejection in rejections.ListAsync(cancellationToken))
        {
            if (blobs.ContainsKey(rejection.BlobName))
            {
                records.Add(rejection);
            }
            else if (!await StillExistsAsync(rejection.BlobName, cancellationToken))
            {
                await rejections.ClearAsync(rejection.BlobName, cancellationToken);
                cleared++;
            }
        }

        LogRejectionsChecked(records.Count + cleared, cleared);

        var now = timeProvider.GetUtcNow();
        var stuck = records
            .Where(r => RejectionReasons.Same(r.Reason, RejectionReasons.Parked)
                || (RejectionReasons.Same(r.Reason, RejectionReasons.Unavailable) && now - r.LastAttemptAt > settings.ReconcileGracePeriod))
            .Select(r => r.BlobName)
            .ToHashSet(StringComparer.Ordinal);
        var indexAvailable = await IndexAnswersAsync(cancellationToken);
        var redrive = new RedriveReport(0, 0, 0, DryRun: false);
        if (stuck.Count > 0 && indexAvailable)
        {
            redrive = await redriver.RedriveAsync(new RedriveRequest(r => stuck.Contains(r.BlobName)), cancellationToken: cancellationToken);
        }
        else if (stuck.Count > 0)
        {
            LogIndexDown(stuck.Count);
        }

        // A blob the trigger has not got to yet looks the same as a lost one; only old enough ones are taken up here.
        var recorded = records.Select(r => r.BlobName).ToHashSet(StringComparer.Ordinal);
        var missing = blobs.Values
            .Where(b => !withArticles.Contains(b.Name) && !recorded.Contains(b.Name))
            .Where(b => b.LastModified is not { } modified || now - modified > settings.ReconcileGracePeriod)
            .ToList();
        if (indexAvailable)
        {
            missing.AddRange(await StoredButNotIndexedAsync(blobs.Values, withArticles, recorded, now - settings.ReconcileGracePeriod, cancellationToken));
        }

        var ingested = 0;
        if (missing.Count > 0 && indexAvailable)
        {
            LogIngestingMissing(missing.Count);
            ingested = await ingestor.IngestManyAsync(missing.Select(blob => blob.Name), cancellationToken);
        }

        var report = new ReconcileReport(blobs.Count, removedArticles, cleared, indexAvailable, redrive.Selected, redrive.Resolved, ingested);
        LogFinished(report.SourceBlobs, report.RemovedArticles, report.ClearedRejections, report.Redriven, report.RedriveResolved, report.IngestedMissing);
        return report;
    }

    /// <summary>
    /// Blobs whose articles are stored but whose first part is not in the index: an index write lost after the store
    /// write (a crash before the index committed). One version lookup covers every blob; no article is loaded.
    /// </summary>
    private async Task<List<SourceBlob>> StoredButNotIndexedAsync(
        IEnumerable<SourceBlob> blobs, HashSet<string> withArticles, HashSet<string> recorded, DateTimeOffset writtenBefore, CancellationToken cancellationToken)
    {
        var stored = blobs
            .Where(b => withArticles.Contains(b.Name) && !recorded.Contains(b.Name))
            .Where(b => b.LastModified is not { } modified || modified < writtenBefore)
            .ToList();
        if (stored.Count == 0)
        {
            return [];
        }

        var ids = stored.Select(b => ArticleId.FromBlobName(b.Name, 0)).ToList();
        var versions = await index.GetVersionsAsync(ids, cancellationToken);
        var notIndexed = stored.Where((_, i) => !versions.ContainsKey(ids[i])).ToList();
        if (notIndexed.Count > 0)
        {
            LogStoredNotIndexed(notIndexed.Count);
        }

        return notIndexed;
    }

    private async Task<bool> StillExistsAsync(string blobName, CancellationToken cancellationToken) =>
        await sources.GetAsync(blobName, cancellationToken) is not null;

    private async Task<bool> IndexAnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            await index.GetAsync(ProbeId, cancellationToken);
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && faults.IsTransient(ex))
        {
            LogProbeFailed(ex.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconcile: {BlobCount} source blob(s)")]
    private partial void LogStarted(int blobCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconcile: {StoredCount} stored article(s) checked; {GoneCount} blob(s) gone, {RemovedCount} article(s) removed")]
    private partial void LogArticlesChecked(int storedCount, int goneCount, int removedCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconcile: {RecordCount} rejection record(s) checked; {ClearedCount} cleared because their blob is gone")]
    private partial void LogRejectionsChecked(int recordCount, int clearedCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconcile: the index does not answer: {Reason}")]
    private partial void LogProbeFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconcile: {Count} parked blob(s) wait until the index answers again")]
    private partial void LogIndexDown(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconcile: {Count} blob(s) have stored articles missing from the index; ingesting them again")]
    private partial void LogStoredNotIndexed(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconcile: ingesting {Count} blob(s) that have neither an article nor a rejection record")]
    private partial void LogIngestingMissing(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconcile done: {BlobCount} blob(s), {RemovedCount} article(s) removed, {ClearedCount} record(s) cleared, {RedrivenCount} re-driven ({ResolvedCount} indexed), {IngestedCount} missed blob(s) ingested")]
    private partial void LogFinished(int blobCount, int removedCount, int clearedCount, int redrivenCount, int resolvedCount, int ingestedCount);
}
