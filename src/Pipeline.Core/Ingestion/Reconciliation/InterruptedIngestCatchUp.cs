using Microsoft.Extensions.Logging;
using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion.Resilience;
using Pipeline.Core.Ingestion.Sources;
using Pipeline.Core.Search;

namespace Pipeline.Core.Ingestion.Reconciliation;

/// <summary>
/// Ingests the blobs a stopped or killed host left unfinished, without waiting for the trigger to hand them out again.
/// </summary>
/// <remarks>
/// The WebJobs blob trigger takes blobs from its queue in batches; a host that stops or dies holding a batch leaves
/// those messages invisible for about ten minutes, and a blob it was half-way through may have its JSON saved but not
/// be indexed; a storage outage can strand messages the same way. A blob counts as finished when the index holds its
/// first part from the blob's current version (an index that commits in batches loses its uncommitted writes in a
/// crash, so after a restart those blobs are missing from it and are found here) (<see cref="ArticleIngestor"/> writes the first part last) or a
/// rejection record names that version. The local host runs a pass whenever its trigger has gone quiet after start-up
/// or after work, over the blobs written before the quiet spell began: any of those still unfinished is stuck behind
/// such a message. Ingesting a blob the trigger has after all costs a second normalization and no write, because
/// unchanged content is skipped.
/// </remarks>
public sealed partial class InterruptedIngestCatchUp(
    IArticleSourceStore sources,
    IRejectionStore rejections,
    IArticleIndex index,
    SourceBlobIngestor ingestor,
    RetryPolicy retry,
    ILogger<InterruptedIngestCatchUp> logger)
{
    /// <summary>
    /// Ingests every blob last written before <paramref name="writtenBefore"/> (and, when given, at or after
    /// <paramref name="writtenSince"/>) that is not finished.
    /// </summary>
    public async Task<CatchUpReport> RunAsync(DateTimeOffset writtenBefore, DateTimeOffset? writtenSince = null, CancellationToken cancellationToken = default)
    {
        var recorded = new Dictionary<string, string?>(StringComparer.Ordinal);
        await foreach (var rejection in rejections.ListAsync(cancellationToken))
        {
            recorded[rejection.BlobName] = rejection.ETag;
        }

        var candidates = new List<SourceBlob>();
        await foreach (var blob in sources.ListAsync(cancellationToken))
        {
            if (blob.LastModified is not { } modified || (modified < writtenBefore && !(modified < writtenSince)))
            {
                candidates.Add(blob);
            }
        }

        // One version lookup for every candidate (the index reads versions, not articles): the pass costs a listing and a
        // lookup, and ingests only what is unfinished.
        var unrecorded = candidates.Where(blob => !(recorded.TryGetValue(blob.Name, out var etag) && etag == blob.ETag)).ToList();
        var ids = unrecorded.Select(blob => ArticleId.FromBlobName(blob.Name, 0)).ToList();
        IReadOnlyDictionary<string, ArticleVersion> versions = ids.Count == 0
            ? new Dictionary<string, ArticleVersion>()
            : await retry.ExecuteAsync("Index version read", ct => index.GetVersionsAsync(ids, ct), cancellationToken);
        var unfinished = unrecorded
            .Where((blob, i) => !(versions.TryGetValue(ids[i], out var version) && version.ETag == blob.ETag))
            .ToList();

        if (unfinished.Count == 0)
        {
            LogNothingToCatchUp(candidates.Count);
            return new CatchUpReport(candidates.Count, 0, 0);
        }

        LogCatchingUp(unfinished.Count, candidates.Count, string.Join(", ", unfinished.Take(10).Select(b => b.Name)));
        var ingested = await ingestor.IngestManyAsync(unfinished.Select(blob => blob.Name), cancellationToken);
        LogCaughtUp(ingested, unfinished.Count);
        return new CatchUpReport(candidates.Count, unfinished.Count, ingested);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catch-up: all {CheckedCount} blob(s) checked are finished")]
    private partial void LogNothingToCatchUp(int checkedCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catch-up: {Count} of {CheckedCount} blob(s) checked were left unfinished; ingesting them: {BlobNames}")]
    private partial void LogCatchingUp(int count, int checkedCount, string blobNames);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catch-up done: {IngestedCount} of {Count} blob(s) ingested")]
    private partial void LogCaughtUp(int ingestedCount, int count);
}

/// <summary>The totals of one catch-up pass.</summary>
/// <param name="Checked">Blobs written in the pass's time window.</param>
/// <param name="Unfinished">Of those, blobs neither indexed in their current version nor rejected.</param>
/// <param name="Ingested">Unfinished blobs ingested (indexed, rejected, parked or found unchanged) by the pass.</param>
public sealed record CatchUpReport(int Checked, int Unfinished, int Ingested);
