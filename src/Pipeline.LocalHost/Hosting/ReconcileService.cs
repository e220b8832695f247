using Microsoft.Extensions.Options;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ingestion.Reconciliation;

namespace Pipeline.LocalHost.Hosting;

/// <summary>
/// Runs a reconcile pass at start-up and then every <see cref="IngestOptions.ReconcileInterval"/>, or less often for a
/// large container (<see cref="IngestOptions.ReconcileIntervalPerBlob"/>): first the poison
/// queue an earlier, WebJobs-based version of the host may have left becomes parked records, then
/// <see cref="ArticleReconciler"/> removes what belongs to deleted blobs, re-drives parked blobs once the index answers,
/// and ingests blobs nothing else took up.
/// </summary>
public sealed partial class ReconcileService(
    BlobTriggerPoisonQueue poisonQueue,
    ArticleReconciler reconciler,
    IOptions<IngestOptions> options,
    TimeProvider timeProvider,
    ILogger<ReconcileService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let start-up finish first; the passes have nothing urgent to do.
        await Task.Yield();
        var interval = options.Value.ReconcileInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            var listed = await RunPassAsync(stoppingToken);
            if (interval <= TimeSpan.Zero)
            {
                return;
            }

            try
            {
                await Task.Delay(NextPassAfter(interval, options.Value.ReconcileIntervalPerBlob, listed), timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The wait before the next pass: the interval, or longer for a container of many blobs.</summary>
    internal static TimeSpan NextPassAfter(TimeSpan interval, TimeSpan intervalPerBlob, int listedBlobs) =>
        TimeSpan.FromTicks(Math.Max(interval.Ticks, intervalPerBlob.Ticks * listedBlobs));

    /// <returns>The number of blobs in the articles container, or 0 when the pass failed.</returns>
    private async Task<int> RunPassAsync(CancellationToken stoppingToken)
    {
        try
        {
            var parked = await poisonQueue.DrainAsync(stoppingToken);
            if (parked > 0)
            {
                LogPoisonParked(parked);
            }

            return (await reconciler.ReconcileAsync(stoppingToken)).SourceBlobs;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Storage down, most likely: the next pass tries again, and the triggers go on meanwhile.
            LogPassFailed(ex);
        }

        return 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Parked {Count} blob(s) from the blob trigger's poison queue")]
    private partial void LogPoisonParked(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconcile pass failed; the next one tries again")]
    private partial void LogPassFailed(Exception exception);
}
