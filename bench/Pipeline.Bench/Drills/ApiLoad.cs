using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Pipeline.Bench.Drills;

/// <summary>What one endpoint answered during a drill: status classes, connection errors and latency.</summary>
internal sealed class EndpointStats(string name)
{
    private readonly Lock _gate = new();
    private readonly List<double> _milliseconds = [];

    public string Name { get; } = name;

    public long Success { get; private set; }

    public long ClientErrors { get; private set; }

    public long ServerErrors { get; private set; }

    public long ConnectionErrors { get; private set; }

    /// <summary>Requests sent while storage was down, and how many of them were answered with a 5xx or failed to connect.</summary>
    public long DuringOutage { get; private set; }

    public long FailedDuringOutage { get; private set; }

    /// <summary>The first few 5xx answers and errors, for the report.</summary>
    public List<string> Examples { get; } = [];

    public long Requests => Success + ClientErrors + ServerErrors + ConnectionErrors;

    public void Record(long startTimestamp, HttpStatusCode? status, bool outage, string? error = null)
    {
        var elapsed = Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
        lock (_gate)
        {
            var code = (int?)status;
            var failed = code is null or >= 500;
            switch (code)
            {
                case null:
                    ConnectionErrors++;
                    break;
                case >= 500:
                    ServerErrors++;
                    break;
                case >= 400:
                    ClientErrors++;
                    break;
                default:
                    Success++;
                    break;
            }

            if (code is not null)
            {
                _milliseconds.Add(elapsed);
            }

            if (outage)
            {
                DuringOutage++;
                FailedDuringOutage += failed ? 1 : 0;
            }

            if (failed && Examples.Count < 5)
            {
                Examples.Add(code is null ? $"connection: {error}" : $"{code}: {error}");
            }
        }
    }

    public double Percentile(double p)
    {
        lock (_gate)
        {
            if (_milliseconds.Count == 0)
            {
                return double.NaN;
            }

            var sorted = _milliseconds.Order().ToList();
            return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
        }
    }
}

/// <summary>One health answer: when it was asked and answered, its status code (null when the connection failed) and what it said of storage.</summary>
internal sealed record HealthProbe(TimeSpan At, TimeSpan Answered, int? Status, string? Storage);

/// <summary>
/// Closed-loop HTTP load: <c>connections</c> clients, each with one connection of its own to one endpoint (round
/// robin over the endpoints), sending the next request as soon as the last answered; and a health probe once a second
/// on a connection of its own, outside the load.
/// </summary>
internal sealed class ApiLoad(Uri server, IReadOnlyList<(string Name, IReadOnlyList<string> Paths)> endpoints, Func<bool> storageDown)
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public IReadOnlyList<EndpointStats> Stats { get; } = [.. endpoints.Select(e => new EndpointStats(e.Name))];

    public List<HealthProbe> Health { get; } = [];

    /// <summary>Runs for <paramref name="duration"/>, and on until <paramref name="until"/> completes when it takes longer (an outage that outlasts the load).</summary>
    public async Task RunAsync(int connections, TimeSpan duration, Task until, Stopwatch drillClock, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _ = Task.WhenAll(Task.Delay(duration, cancellationToken), until).ContinueWith(_ => stop.Cancel(), TaskScheduler.Default);
        var workers = Enumerable.Range(0, connections).Select(client => Task.Run(() => ClientAsync(client, stop.Token), CancellationToken.None)).ToList();
        workers.Add(Task.Run(() => ProbeHealthAsync(drillClock, stop.Token), CancellationToken.None));
        await Task.WhenAll(workers);
    }

    private async Task ClientAsync(int client, CancellationToken stop)
    {
        var (_, paths) = endpoints[client % endpoints.Count];
        var stats = Stats[client % endpoints.Count];
        using var http = NewClient();
        var next = client;
        while (!stop.IsCancellationRequested)
        {
            var outage = storageDown();
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.GetAsync(paths[next++ % paths.Count], HttpCompletionOption.ResponseContentRead, stop);
                var detail = (int)response.StatusCode >= 500 ? await response.Content.ReadAsStringAsync(stop) : null;
                stats.Record(start, response.StatusCode, outage || storageDown(), detail is null ? null : Shorten(detail));
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The time is up; the request in flight is not counted.
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                stats.Record(start, null, outage || storageDown(), Shorten(ex.Message));
                await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
            }
        }
    }

    private async Task ProbeHealthAsync(Stopwatch drillClock, CancellationToken stop)
    {
        using var http = NewClient();
        while (!stop.IsCancellationRequested)
        {
            var at = drillClock.Elapsed;
            HealthProbe probe;
            try
            {
                using var response = await http.GetAsync("/api/health", stop);
                var body = await response.Content.ReadAsStringAsync(stop);
                probe = new HealthProbe(at, drillClock.Elapsed, (int)response.StatusCode, StorageStatus(body));
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                probe = new HealthProbe(at, drillClock.Elapsed, null, null);
            }

            lock (Health)
            {
                Health.Add(probe);
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private HttpClient NewClient() =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 1, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = server,
            Timeout = RequestTimeout,
        };

    private static string? StorageStatus(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("storage", out var storage) && storage.TryGetProperty("status", out var status) ? status.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
