using Microsoft.Extensions.Logging;
using Pipeline.Core.Ingestion.Sources;
using Pipeline.Core.Search;
using Pipeline.Core.Telemetry;

namespace Pipeline.Api.Health;

/// <summary>
/// Asks storage and the index whether they answer. The answer is kept for <see cref="CacheFor"/> and shared by the
/// requests that arrive meanwhile, so probes and load tests of <c>/api/health</c> cost at most one round trip to each
/// per second.
/// </summary>
public sealed partial class HealthProbe(
    IArticleSourceStore sources,
    IArticleIndex index,
    TimeProvider timeProvider,
    ILogger<HealthProbe> logger)
{
    /// <summary>How long one answer is reused.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(1);

    /// <summary>A dependency that has not answered by then counts as down; the SDKs' own retries could take minutes.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    // A name no upload has (blob names never start with '.'): the probe is one metadata request answered 404.
    private const string ProbeBlobName = ".health-probe";

    private readonly Lock _gate = new();
    private Task<HealthResponse>? _current;
    private DateTimeOffset _takenAt;

    /// <summary>The latest answer, probing again when it is older than <see cref="CacheFor"/>.</summary>
    public Task<HealthResponse> CheckAsync()
    {
        lock (_gate)
        {
            if (_current is null || (_current.IsCompleted && timeProvider.GetUtcNow() - _takenAt >= CacheFor))
            {
                _takenAt = timeProvider.GetUtcNow();
                // Not tied to one caller's cancellation: every request arriving meanwhile waits on the same probe.
                _current = ProbeAsync();
            }

            return _current;
        }
    }

    private async Task<HealthResponse> ProbeAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout, timeProvider);
        var storageProbe = ProbeStorageAsync(timeout.Token);
        var indexProbe = ProbeIndexAsync(timeout.Token);
        var storage = await storageProbe;
        var (indexCheck, articles) = await indexProbe;
        var healthy = storage.IsUp && indexCheck.IsUp;
        if (!healthy)
        {
            LogUnhealthy(storage.Reason ?? "answers", indexCheck.Reason ?? "answers");
        }

        return new HealthResponse(healthy ? HealthResponse.Healthy : HealthResponse.Unhealthy, articles, storage, indexCheck);
    }

    private async Task<HealthCheck> ProbeStorageAsync(CancellationToken cancellationToken)
    {
        try
        {
            await sources.GetAsync(ProbeBlobName, cancellationToken);
            return HealthCheck.Answered;
        }
        catch (Exception ex)
        {
            return HealthCheck.Failed(Reason("Storage", ex, cancellationToken));
        }
    }

    private async Task<(HealthCheck Check, long? Articles)> ProbeIndexAsync(CancellationToken cancellationToken)
    {
        try
        {
            // A real query proves the index answers, not only that the process is up.
            var all = await index.SearchAsync(new SearchRequest("*", Top: 0), cancellationToken);
            var count = all.TotalCount ?? 0;
            SearchMetrics.ReportDocumentCount(count);
            return (HealthCheck.Answered, count);
        }
        catch (Exception ex)
        {
            return (HealthCheck.Failed(Reason("The index", ex, cancellationToken)), null);
        }
    }

    private static string Reason(string dependency, Exception exception, CancellationToken timeout) =>
        timeout.IsCancellationRequested
            ? $"{dependency} did not answer within {Timeout.TotalSeconds:0} s."
            : $"{dependency} failed: {exception.Message}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health probe: unhealthy. Storage: {Storage}; index: {Index}")]
    private partial void LogUnhealthy(string storage, string index);
}
