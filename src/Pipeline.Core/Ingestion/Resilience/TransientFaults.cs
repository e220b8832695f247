using System.Net;
using System.Net.Sockets;
using Pipeline.Core.Normalization;

namespace Pipeline.Core.Ingestion.Resilience;

/// <summary>
/// Tells transient faults (timeouts, refused or dropped connections, throttling, server errors) from permanent ones
/// (an input that cannot be normalized, a bug). Registered <see cref="ITransientFaultDetector"/>s are asked first.
/// </summary>
public sealed class TransientFaults(IEnumerable<ITransientFaultDetector> detectors)
{
    private readonly ITransientFaultDetector[] _detectors = [.. detectors];

    public bool IsTransient(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        foreach (var detector in _detectors)
        {
            if (detector.IsTransient(exception) is { } verdict)
            {
                return verdict;
            }
        }

        return exception switch
        {
            NormalizationException => false,
            TransientIngestException or TimeoutException or IOException or SocketException => true,
            HttpRequestException http => http.StatusCode is null || IsTransientStatus((int)http.StatusCode),
            // A timeout inside a client (HttpClient) surfaces as a cancellation nobody asked for.
            OperationCanceledException canceled => canceled.InnerException is TimeoutException,
            AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsTransient),
            _ => exception.InnerException is { } inner && IsTransient(inner),
        };
    }

    /// <summary>True when a client library retried the fault already (see <see cref="ITransientFaultDetector.IsRetriedByClient"/>).</summary>
    public bool IsRetriedByClient(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return _detectors.Any(detector => detector.IsRetriedByClient(exception));
    }

    /// <summary>Request timeout, throttling and server-side errors; everything else is the request's own fault.</summary>
    public static bool IsTransientStatus(int status) =>
        status is 0 or (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests or >= 500 and not (int)HttpStatusCode.NotImplemented;
}
