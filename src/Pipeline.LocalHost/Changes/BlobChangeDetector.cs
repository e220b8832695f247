using Microsoft.Extensions.Options;
using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ingestion.Resilience;
using Pipeline.Core.Ingestion.Sources;
using Pipeline.Core.Search;
using Pipeline.Storage;

namespace Pipeline.LocalHost.Changes;

/// <summary>
/// The local host's blob trigger: notices new, changed and deleted blobs in the articles container and ingests them,
/// <see cref="IngestOptions.MaxConcurrency"/> at a time.
/// </summary>
/// <remarks>
/// <para>These sources of work feed one <see cref="IngestQueue"/>:</para>
/// <list type="bullet">
/// <item>At start-up, one listing of the container, with every blob checked against the index and the rejection
/// records: a blob whose current version is neither indexed nor rejected is ingested. This is what makes a crash safe:
/// whatever a killed or stopped host (or one whose index writes were not committed yet) left unfinished is found here,
/// and ingesting it again writes the same ids, so nothing is indexed twice.</item>
/// <item>Hand-overs (<see cref="UploadHandOff"/>): <c>upload</c> posts each blob it writes, content included, to the
/// address this host publishes on the <see cref="UploadQueue"/>, and the content is ingested at once, then checked
/// against the blob. When no host answers, <c>upload</c> announces the blob on that queue instead, and it is read and
/// ingested at once.</item>
/// <item>Later listings, compared with the one before by name and ETag: what any other client uploaded, overwrote or
/// deleted. Storage pays for a listing per blob, so the interval grows with the container
/// (<see cref="ChangeDetectionOptions.ScanIntervalPerBlob"/>): every 2 s for a small container, every 17 minutes for
/// 100,000 blobs, instead of the WebJobs trigger's full scan every 2 s.</item>
/// </list>
/// <para>A try that fails on a transient fault is queued again after a back-off; the ingestor counts the tries and
/// parks the blob after <see cref="IngestOptions.MaxAttempts"/>, and the reconcile pass re-drives parked blobs.</para>
/// </remarks>
public sealed partial class BlobChangeDetector(
    IArticleSourceStore sources,
    IRejectionStore rejections,
    IArticleIndex index,
    SourceBlobIngestor ingestor,
    IngestQueue queue,
    RetryPolicy retry,
    IngestStopSignal stop,
    IConfiguration configuration,
    IOptions<BlobStorageOptions> storage,
    IOptions<ChangeDetectionOptions> options,
    IOptions<IngestOptions> ingestOptions,
    TimeProvider timeProvider,
    ILogger<BlobChangeDetector> logger) : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan QueueFaultDelay = TimeSpan.FromSeconds(5);

    // Versions looked up in the index per request at start-up: bounds the memory of one lookup, not its cost.
    private const int VersionLookupBatch = 4096;

    private readonly TaskCompletionSource _firstListing = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly UploadQueue? _uploads = string.IsNullOrEmpty(configuration[storage.Value.ConnectionName])
        ? null
        : UploadQueue.Create(configuration[storage.Value.ConnectionName]!, storage.Value.ArticlesContainer, options.Value.UploadQueue);

    private bool _handOffPublished;

    /// <summary>Completes when the start-up listing has queued what earlier runs left unfinished.</summary>
    public Task FirstListing => _firstListing.Task;

    /// <summary>Creates the upload queue, so that <c>upload</c> can announce blobs as soon as the host has started.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (_uploads is not null)
        {
            await _uploads.EnsureCreatedAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Publishes where <c>upload</c> hands blobs to this host (see <see cref="UploadHandOff"/>). Best effort: without
    /// it, uploads are announced on the queue as before.
    /// </summary>
    public async Task PublishHandOffAsync(Uri? address, CancellationToken cancellationToken)
    {
        if (_uploads is null || address is null)
        {
            return;
        }

        try
        {
            await _uploads.PublishHostAsync(address, cancellationToken);
            _handOffPublished = true;
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException)
        {
            LogHandOffNotPublished(_uploads.Name, ex.Message);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_handOffPublished && _uploads is not null)
        {
            try
            {
                // Uploads made while no host runs go to the queue at once instead of trying this address first.
                await _uploads.PublishHostAsync(null, cancellationToken);
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or OperationCanceledException)
            {
                // A stale address costs an upload one refused connection; the queue takes the blob then.
            }
        }

        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let start-up finish first: the API answers while the first listing runs.
        await Task.Yield();
        var workers = Enumerable.Range(0, ingestOptions.Value.MaxConcurrency).Select(_ => WorkAsync(stoppingToken));
        await Task.WhenAll([ScanAsync(stoppingToken), ListenAsync(stoppingToken), .. workers]);
    }

    private async Task ScanAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        Dictionary<string, string?>? known = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                known = known is null ? await ListUnfinishedAsync(stoppingToken) : await ListChangesAsync(known, stoppingToken);
                _firstListing.TrySetResult();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Storage (or the index) not answering: the next listing tries again; nothing is forgotten meanwhile.
                LogListingFailed(ex);
            }

            var wait = TimeSpan.FromTicks(Math.Clamp(
                settings.ScanIntervalPerBlob.Ticks * (known?.Count ?? 0), settings.MinScanInterval.Ticks, settings.MaxScanInterval.Ticks));
            try
            {
                await Task.Delay(wait, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The start-up listing: queues every blob whose current version is neither indexed nor rejected.</summary>
    private async Task<Dictionary<string, string?>> ListUnfinishedAsync(CancellationToken cancellationToken)
    {
        var recorded = new Dictionary<string, string?>(StringComparer.Ordinal);
        await foreach (var rejection in rejections.ListAsync(cancellationToken))
        {
            recorded[rejection.BlobName] = rejection.ETag;
        }

        var listed = new Dictionary<string, string?>(StringComparer.Ordinal);
        var unrecorded = new List<SourceBlob>(VersionLookupBatch);
        var unfinished = 0;
        await foreach (var blob in sources.ListAsync(cancellationToken))
        {
            listed[blob.Name] = blob.ETag;
            if (!(recorded.TryGetValue(blob.Name, out var etag) && etag == blob.ETag))
            {
                unrecorded.Add(blob);
                if (unrecorded.Count == VersionLookupBatch)
                {
                    unfinished += await QueueUnindexedAsync(unrecorded, cancellationToken);
                    unrecorded.Clear();
                }
            }
        }

        unfinished += await QueueUnindexedAsync(unrecorded, cancellationToken);
        LogStartListing(listed.Count, unfinished);
        return listed;
    }

    /// <summary>Queues the blobs whose current version the index does not hold; one version lookup for all of them.</summary>
    private async Task<int> QueueUnindexedAsync(List<SourceBlob> blobs, CancellationToken cancellationToken)
    {
        if (blobs.Count == 0)
        {
            return 0;
        }

        // The ingestor writes a blob's first article last, so its version in the index says the whole blob is done.
        var ids = blobs.ConvertAll(blob => ArticleId.FromBlobName(blob.Name, 0));
        var versions = await retry.ExecuteAsync("Index version read", ct => index.GetVersionsAsync(ids, ct), cancellationToken);
        var queued = 0;
        for (var i = 0; i < blobs.Count; i++)
        {
            if (!(versions.TryGetValue(ids[i], out var version) && version.ETag == blobs[i].ETag))
            {
                queued++;
                queue.Enqueue(blobs[i].Name, blobs[i].Length);
            }
        }

        return queued;
    }

    /// <summary>A later listing: queues what is new, overwritten or gone since the one before.</summary>
    private async Task<Dictionary<string, string?>> ListChangesAsync(Dictionary<string, string?> known, CancellationToken cancellationToken)
    {
        var listed = new Dictionary<string, string?>(known.Count, StringComparer.Ordinal);
        var changed = 0;
        await foreach (var blob in sources.ListAsync(cancellationToken))
        {
            listed[blob.Name] = blob.ETag;
            if (!known.TryGetValue(blob.Name, out var etag) || etag != blob.ETag)
            {
                changed++;
                queue.Enqueue(blob.Name, blob.Length);
            }
        }

        var gone = 0;
        foreach (var name in known.Keys)
        {
            if (!listed.ContainsKey(name))
            {
                // Ingesting a blob that is gone removes what came from it.
                gone++;
                queue.Enqueue(name);
            }
        }

        if (changed > 0 || gone > 0)
        {
            LogChanges(changed, gone, listed.Count);
        }

        return listed;
    }

    /// <summary>Takes the blobs <c>upload</c> announces, so that they do not wait for the next listing.</summary>
    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        if (_uploads is not { } uploads)
        {
            return;
        }

        var created = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.Value.UploadQueuePollInterval;
            try
            {
                if (!created)
                {
                    await uploads.EnsureCreatedAsync(stoppingToken);
                    created = true;
                }

                var announced = await uploads.TakeAsync(stoppingToken);
                foreach (var blob in announced)
                {
                    queue.Enqueue(blob.Name, blob.Length);
                }

                if (announced.Count > 0)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Storage not answering: listings find the uploads anyway; look at the queue again a little later.
                LogUploadQueueFailed(uploads.Name, ex.Message);
                wait = QueueFaultDelay;
            }

            try
            {
                await Task.Delay(wait, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            QueuedBlob blob;
            try
            {
                blob = await queue.TakeAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var name = blob.Name;
            try
            {
                // Not the stopping token, which is cancelled the moment the host stops: a stop lets the blob in hand
                // finish for a grace period (IngestStopSignal), then abandons it, uncounted, to the next start's
                // listing; so do the ones still queued.
                _ = blob.Content is { } content
                    ? await ingestor.IngestAnnouncedAsync(content, stop.Token)
                    : await ingestor.IngestAsync(name, blob.Length, stop.Token);
            }
            catch (OperationCanceledException) when (stop.Token.IsCancellationRequested)
            {
                return;
            }
            catch (TransientIngestException ex)
            {
                RetryLater(name, ex.Attempts, stoppingToken);
            }
            catch (Exception ex)
            {
                LogIngestFailed(name, ex);
                RetryLater(name, 1, stoppingToken);
            }
        }
    }

    private void RetryLater(string name, int attempts, CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(Math.Min(MaxRetryDelay.TotalSeconds, Math.Pow(2, Math.Clamp(attempts, 1, 10))));
        _ = RequeueAsync();

        async Task RequeueAsync()
        {
            try
            {
                await Task.Delay(delay, timeProvider, stoppingToken);
                queue.Enqueue(name);
            }
            catch (OperationCanceledException)
            {
                // Stopping: the next start's first listing finds the blob unfinished.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {Count} blob(s); {Unfinished} of them neither indexed in their current version nor rejected, queued for ingest")]
    private partial void LogStartListing(int count, int unfinished);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listing found {Changed} new or changed and {Gone} deleted blob(s) among {Count}")]
    private partial void LogChanges(int changed, int gone, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing the articles container failed; the next listing tries again")]
    private partial void LogListingFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reading the upload queue {Queue} failed: {Reason}")]
    private partial void LogUploadQueueFailed(string queue, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish this host's address on {Queue}; uploads are announced on the queue instead: {Reason}")]
    private partial void LogHandOffNotPublished(string queue, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingesting {BlobName} failed unexpectedly; it is tried again later")]
    private partial void LogIngestFailed(string blobName, Exception exception);
}
