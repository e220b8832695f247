using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Core.Ingestion.Resilience;
using Pipeline.Core.Ingestion.Sources;

namespace Pipeline.Core.Ingestion.Redrive;

/// <summary>
/// Re-ingests rejected and parked blobs straight from storage. Touching the blobs instead would not do: the trigger
/// keeps a receipt per blob version and does not fire again for an unchanged one.
/// </summary>
public sealed partial class RejectionRedriver(
    IRejectionStore rejections,
    SourceBlobIngestor ingestor,
    IOptions<IngestOptions> options,
    ILogger<RejectionRedriver> logger)
{
    public async Task<RedriveReport> RedriveAsync(RedriveRequest request, IProgress<RedriveItem>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var selected = new List<Rejection>();
        await foreach (var rejection in rejections.ListAsync(cancellationToken))
        {
            if (request.Select(rejection))
            {
                selected.Add(rejection);
            }
        }

        LogSelected(selected.Count, request.DryRun);
        if (request.DryRun)
        {
            foreach (var rejection in selected)
            {
                progress?.Report(new RedriveItem(rejection, null));
            }

            return new RedriveReport(selected.Count, 0, 0, DryRun: true);
        }

        var resolved = 0;
        var failing = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(selected, parallel, async (rejection, ct) =>
        {
            var item = await RedriveOneAsync(rejection, ct);
            Interlocked.Increment(ref item.Resolved ? ref resolved : ref failing);
            progress?.Report(item);
        });

        LogDone(selected.Count, resolved, failing);
        return new RedriveReport(selected.Count, resolved, failing, DryRun: false);
    }

    private async Task<RedriveItem> RedriveOneAsync(Rejection rejection, CancellationToken cancellationToken)
    {
        try
        {
            var result = await ingestor.IngestAsync(rejection.BlobName, cancellationToken);
            return new RedriveItem(rejection, result.Outcome, result.Message);
        }
        catch (TransientIngestException ex)
        {
            return new RedriveItem(rejection, null, ex.InnerException?.Message ?? ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-drive: {Count} record(s) selected, dry run: {DryRun}")]
    private partial void LogSelected(int count, bool dryRun);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-drive done: {Count} record(s), {Resolved} resolved, {Failing} still failing")]
    private partial void LogDone(int count, int resolved, int failing);
}
