using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Core.Ingestion.Resilience;
using Pipeline.Core.Normalization;
using Pipeline.Core.Telemetry;

namespace Pipeline.Core.Ingestion.Sources;

/// <summary>
/// Ingests a source blob by name: what triggers, re-drives and reconcile passes call. Adds to
/// <see cref="ArticleIngestor"/> what needs storage: the size limit checked before anything is downloaded, and the
/// removal of articles whose blob turns out to be gone.
/// </summary>
public sealed partial class SourceBlobIngestor(
    IArticleSourceStore sources,
    ArticleIngestor ingestor,
    RetryPolicy retry,
    IOptions<IngestOptions> options,
    ILogger<SourceBlobIngestor> logger)
{
    public Task<IngestResult> IngestAsync(string blobName, CancellationToken cancellationToken = default) =>
        IngestAsync(blobName, knownLength: null, cancellationToken);

    /// <summary>Ingests a blob whose size a listing or an upload announcement already gave.</summary>
    /// <param name="knownLength">
    /// The blob's size as last seen, or null. When given and within the limit, the blob's properties are not read
    /// first: the download is the only request for the source. The limit is checked again on what was downloaded, in
    /// case a larger version replaced the one seen.
    /// </param>
    public async Task<IngestResult> IngestAsync(string blobName, long? knownLength, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        using var activity = IngestActivity.Start(blobName);
        try
        {
            var result = await IngestTracedAsync(blobName, knownLength, cancellationToken);
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
    /// Ingests the version of a blob that was handed over with its upload announcement, without reading it from
    /// storage, then checks it against the blob: when the blob has changed since, is gone, or holds other bytes, the
    /// blob itself is ingested. Storage stays the record; the hand-over only takes the read off the way to the index.
    /// </summary>
    /// <param name="announced">The content as uploaded, with the ETag and time storage gave that version.</param>
    public async Task<IngestResult> IngestAnnouncedAsync(SourceDocument announced, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(announced);
        ArgumentException.ThrowIfNullOrEmpty(announced.Name);
        if (announced.ETag is null || announced.Content.Length > options.Value.MaxBlobBytes)
        {
            return await IngestAsync(announced.Name, knownLength: null, cancellationToken);
        }

        // ArticleIngestor traces the ingest, counts failed tries and throws what the worker should retry.
        var result = await ingestor.IngestAsync(announced, cancellationToken);

        // After the index write, so that the check costs the upload no time to searchable.
        SourceBlob? current;
        try
        {
            current = await retry.ExecuteAsync("Source read", ct => sources.GetAsync(announced.Name, ct), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && retry.Faults.IsTransient(ex))
        {
            // Unconfirmed: the blob itself is ingested once storage answers (an unchanged one costs no write).
            throw new TransientIngestException(announced.Name, 1, ex);
        }

        if (current is not null && current.ETag == announced.ETag && (current.ContentMd5 is null || current.ContentMd5 == Md5Of(announced.Content)))
        {
            return result;
        }

        LogAnnouncementOutdated(announced.Name, announced.ETag, current?.ETag);
        return await IngestAsync(announced.Name, current?.Length, cancellationToken);
    }

    private static string Md5Of(ReadOnlyMemory<byte> content)
    {
        // MD5 is what storage records for a blob; it identifies content here, it does not protect anything.
#pragma warning disable CA5351
        return Convert.ToBase64String(MD5.HashData(content.Span));
#pragma warning restore CA5351
    }

    private async Task<IngestResult> IngestTracedAsync(string blobName, long? knownLength, CancellationToken cancellationToken)
    {
        SourceBlob? blob = null;
        var limit = options.Value.MaxBlobBytes;
        try
        {
            if (knownLength is not { } length || length > limit)
            {
                blob = await retry.ExecuteAsync("Source read", ct => sources.GetAsync(blobName, ct), cancellationToken);
                if (blob is null)
                {
                    return await RemoveGoneAsync(blobName, cancellationToken);
                }

                if (blob.Length > limit)
                {
                    return await RejectTooLargeAsync(blobName, blob.ETag, blob.Length, limit, cancellationToken);
                }
            }

            SourceDocument? source;
            using (IngestActivity.StartStep("download"))
            {
                source = await retry.ExecuteAsync("Source read", ct => sources.ReadAsync(blobName, ct), cancellationToken);
            }

            if (source is null)
            {
                return await RemoveGoneAsync(blobName, cancellationToken);
            }

            return source.Content.Length > limit
                ? await RejectTooLargeAsync(blobName, source.ETag, source.Content.Length, limit, cancellationToken)
                : await ingestor.IngestAsync(source, cancellationToken);
        }
        catch (Exception ex) when (ex is not TransientIngestException && !cancellationToken.IsCancellationRequested && retry.Faults.IsTransient(ex))
        {
            return await ingestor.RecordFailedTryAsync(blobName, blob?.ETag, ex, cancellationToken);
        }
    }

    private Task<IngestResult> RejectTooLargeAsync(string blobName, string? etag, long length, long limit, CancellationToken cancellationToken) =>
        ingestor.RejectAsync(
            blobName, etag, NormalizationErrorCode.TooLarge,
            $"'{blobName}' is {length:N0} bytes; the limit is {limit:N0} (Pipeline:Ingest:MaxBlobBytes).",
            cancellationToken);

    /// <summary>
    /// Ingests the blobs <see cref="IngestOptions.MaxConcurrency"/> at a time, for passes that take up many at once.
    /// A blob whose try fails on a transient fault is counted in its rejection record and skipped here: the trigger
    /// or a later pass takes it up again. Returns how many were ingested (indexed, rejected, parked or unchanged).
    /// </summary>
    public async Task<int> IngestManyAsync(IEnumerable<string> blobNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blobNames);
        var ingested = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(blobNames, parallel, async (blobName, ct) =>
        {
            try
            {
                await IngestAsync(blobName, ct);
                Interlocked.Increment(ref ingested);
            }
            catch (TransientIngestException)
            {
            }
        });
        return ingested;
    }

    /// <summary>
    /// Handles a delete notification: removes the blob's articles unless the blob exists again (deleted and uploaded
    /// anew before the notification was handled). Returns the ids removed.
    /// </summary>
    public async Task<IReadOnlyList<string>> RemoveIfGoneAsync(string blobName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        if (await retry.ExecuteAsync("Source read", ct => sources.GetAsync(blobName, ct), cancellationToken) is not null)
        {
            LogStillThere(blobName);
            return [];
        }

        return await ingestor.RemoveAsync(blobName, cancellationToken);
    }

    private async Task<IngestResult> RemoveGoneAsync(string blobName, CancellationToken cancellationToken)
    {
        LogGone(blobName);
        await ingestor.RemoveAsync(blobName, cancellationToken);
        return IngestResult.Gone(blobName);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{BlobName} is gone before it could be ingested; removing what came from it")]
    private partial void LogGone(string blobName);

    [LoggerMessage(Level = LogLevel.Information, Message = "{BlobName} was announced as version {AnnouncedETag}, but storage holds {CurrentETag} (or other bytes); ingesting the blob itself")]
    private partial void LogAnnouncementOutdated(string blobName, string announcedETag, string? currentETag);

    [LoggerMessage(Level = LogLevel.Information, Message = "{BlobName} was deleted but exists again; its articles stay")]
    private partial void LogStillThere(string blobName);
}
