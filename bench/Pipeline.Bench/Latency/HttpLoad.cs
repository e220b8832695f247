using System.Diagnostics;

namespace Pipeline.Bench.Latency;

/// <param name="Successes">Responses with a 2xx status.</param>
internal sealed record HttpLoadResult(string Name, int Clients, TimeSpan Duration, long Successes, long Failures, LatencySample Latency)
{
    public double RequestsPerSecond => Successes / Duration.TotalSeconds;
}

/// <summary>
/// Closed-loop load: each client (its own <see cref="HttpClient"/> and connection) sends a request, reads the whole
/// response, and sends the next, for a fixed time. Requests/s is what the server sustains at that concurrency.
/// </summary>
internal static class HttpLoad
{
    public static async Task<HttpLoadResult> RunAsync(
        string name, Uri server, int clients, TimeSpan duration, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var latency = new LatencySample(name, $"{clients} concurrent clients");
        var gate = new object();
        long successes = 0;
        long failures = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var started = Stopwatch.StartNew();
        stop.CancelAfter(duration);

        var workers = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = server };
            var next = client * paths.Count / clients;
            while (!stop.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(paths[next++ % paths.Count], HttpCompletionOption.ResponseContentRead, stop.Token);
                    if (response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref successes);
                        lock (gate)
                        {
                            latency.Add(start);
                        }
                    }
                    else
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // The time is up; the request in flight is not counted.
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToList();

        await Task.WhenAll(workers);
        started.Stop();
        return new HttpLoadResult(name, clients, started.Elapsed, successes, failures, latency);
    }
}
