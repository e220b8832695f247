using Microsoft.Extensions.Options;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ingestion.Reconciliation;

namespace Pipeline.LocalHost.Hosting;

/// <summary>
/// Runs a reconcile pass at start-up and then every <see cref="IngestOptions.ReconcileInterval"/>: first the trigger's
/// poison queue becomes parked records, then <see cref="ArticleReconciler"/> removes what belongs to deleted blobs,
/// re-drives parked blobs once the index answers, and ingests blobs the trigger lost. Each time the trigger has been
/// quiet for <see cref="LocalHostOptions.CatchUpAfterQuiet"/> after start-up or after work, <see cref="InterruptedIngestCatchUp"/>
/// finishes the blobs an earlier run of the host, or a storage outage, left unfinished.
/// </summary>
public sealed partial class ReconcileService(
    BlobTriggerPoisonQueue poisonQueue,
    ArticleReconciler reconciler,
    InterruptedIngestCatchUp catchUp,
    TriggerActivity triggerActivity,
    IOptions<IngestOptions> options,
    IOptions<LocalHostOptions> localHostOptions,
    TimeProvider timeProvider,
    ILogger<ReconcileService> logger) : BackgroundService
{
    private static readonly TimeSpan QuietCheckInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let start-up finish first; the passes have nothing urgent to do.
        await Task.Yield();
        await Task.WhenAll(ReconcileRegularlyAsync(stoppingToken), CatchUpWhenQuietAsync(stoppingToken));
    }

    private async Task ReconcileRegularlyAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.ReconcileInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunPassAsync(stoppingToken);
            if (interval <= TimeSpan.Zero)
            {
                return;
            }

            try
            {
                await Task.Delay(interval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Runs a catch-up pass each time the trigger goes quiet after work: first over every blob (what an earlier run
    /// left), then over the blobs written since the last pass. A blob written less than the quiet time ago is the
    /// trigger's; an older one still unfinished while the trigger is idle waits behind a queue message that will not
    /// come back for minutes (its host stopped, or storage went away while it was being handled).
    /// </summary>
    private async Task CatchUpWhenQuietAsync(CancellationToken stoppingToken)
    {
        var quiet = localHostOptions.Value.CatchUpAfterQuiet;
        if (quiet < TimeSpan.Zero)
        {
            return;
        }

        DateTimeOffset? checkedUpTo = null;
        long? invocationsAtLastPass = null;
        try
        {
            while (true)
            {
                await Task.Delay(QuietCheckInterval, timeProvider, stoppingToken);
                if (triggerActivity.QuietFor < quiet || triggerActivity.Started == invocationsAtLastPass)
                {
                    continue;
                }

                var invocations = triggerActivity.Started;
                var writtenBefore = timeProvider.GetUtcNow() - quiet;
                try
                {
                    // The overlap covers last-modified times that storage keeps to the second only.
                    await catchUp.RunAsync(writtenBefore, checkedUpTo - quiet - TimeSpan.FromSeconds(1), stoppingToken);
                    checkedUpTo = writtenBefore;
                    invocationsAtLastPass = invocations;
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // Storage or the index down: the next quiet spell tries again.
                    LogCatchUpFailed(ex);
                    await Task.Delay(quiet, timeProvider, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunPassAsync(CancellationToken stoppingToken)
    {
        try
        {
            var parked = await poisonQueue.DrainAsync(stoppingToken);
            if (parked > 0)
            {
                LogPoisonParked(parked);
            }

            await reconciler.ReconcileAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Storage down, most likely: the next pass tries again, and the triggers go on meanwhile.
            LogPassFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Parked {Count} blob(s) from the blob trigger's poison queue")]
    private partial void LogPoisonParked(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catch-up pass failed (storage or the index not answering?); it tries again after the next quiet spell")]
    private partial void LogCatchUpFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconcile pass failed; the next one tries again")]
    private partial void LogPassFailed(Exception exception);
}
