using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Core.Telemetry;

namespace Pipeline.Core.Ingestion.Resilience;

/// <summary>
/// Retries one storage or index call on transient faults, with exponential backoff and jitter so that many blobs
/// failing together do not retry in lock-step. Permanent faults and cancellation pass straight through, and so do
/// faults a client library has retried under its own budget (the Azure SDK's, for storage and Azure AI Search): this
/// policy is the budget of what no client retries, the embedded index and the disk.
/// </summary>
public sealed partial class RetryPolicy(
    TransientFaults faults,
    IOptions<IngestOptions> options,
    TimeProvider timeProvider,
    ILogger<RetryPolicy> logger)
{
    public TransientFaults Faults => faults;

    public async Task<T> ExecuteAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var settings = options.Value;
        for (var retry = 0; ; retry++)
        {
            try
            {
                return await call(cancellationToken);
            }
            catch (Exception ex) when (retry < settings.MaxRetries && !cancellationToken.IsCancellationRequested && faults.IsTransient(ex) && !faults.IsRetriedByClient(ex))
            {
                var delay = DelayBefore(retry, settings);
                IngestMetrics.RecordRetry(operation);
                LogRetrying(operation, retry + 1, settings.MaxRetries, delay.TotalMilliseconds, ex.Message);
                await Task.Delay(delay, timeProvider, cancellationToken);
            }
        }
    }

    public Task ExecuteAsync(string operation, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        ExecuteAsync(
            operation,
            async ct =>
            {
                await call(ct);
                return true;
            },
            cancellationToken);

    /// <summary>Exponential backoff with "equal jitter": half the step is fixed, half random, capped at the maximum.</summary>
    internal static TimeSpan DelayBefore(int retry, IngestOptions settings)
    {
        var step = settings.InitialRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 30));
        var capped = Math.Min(step, settings.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (Random.Shared.NextDouble() * capped / 2));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Operation} failed on a transient fault, retry {Retry} of {MaxRetries} in {DelayMs:F0} ms: {Reason}")]
    private partial void LogRetrying(string operation, int retry, int maxRetries, double delayMs, string reason);
}
