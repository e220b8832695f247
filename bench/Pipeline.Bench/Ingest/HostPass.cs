using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Pipeline.Bench.Drills;
using Pipeline.Core.Normalization;
using Pipeline.LocalHost.Changes;

namespace Pipeline.Bench.Ingest;

/// <summary>
/// Bursts of uploads to the local host as users run it (<c>pipeline run</c> in its own process, on the bench's Azurite),
/// announced as <c>pipeline upload</c> announces them, each timed until all are searchable, with the CPU the host and
/// Azurite used meanwhile: the first burst pays for the host's JIT, the second shows it warm.
/// </summary>
internal sealed class HostPass(string connectionString, DirectoryInfo work)
{
    private const int UploadThreads = 8;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    public async Task MeasureAsync(StageMeter meter, IReadOnlyList<SourceDocument> sources, CancellationToken cancellationToken)
    {
        var data = Directory.CreateDirectory(Path.Combine(work.FullName, "host"));
        await using var host = await HostProcess.StartAsync(
            connectionString, data.FullName, BenchMachine.FreePort(), shutdownTimeoutSeconds: 30, Path.Combine(data.FullName, "host.log"), cancellationToken);
        using var http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };
        var articles = new BlobContainerClient(connectionString, "articles");
        var queue = UploadQueue.Create(connectionString, "articles", configuredName: null);

        foreach (var burst in new[] { "cold", "warm" })
        {
            var hostCpu0 = CpuTime.OfProcess(host.ProcessId);
            var cost = await meter.MeasureAsync($"local host process, {burst}: upload (8 threads) → all searchable", sources.Count, async () =>
            {
                await using (var announcer = new UploadAnnouncer(queue))
                {
                    var parallel = new ParallelOptions { MaxDegreeOfParallelism = UploadThreads, CancellationToken = cancellationToken };
                    await Parallel.ForEachAsync(sources, parallel, async (source, ct) =>
                    {
                        var name = $"{burst}/{source.Name}";
                        var body = new BinaryData([.. source.Content.Span, .. Encoding.UTF8.GetBytes($"\n\nThe {burst} edition of this story.\n")]);
                        await articles.GetBlobClient(name).UploadAsync(body, overwrite: true, ct);
                        announcer.Add(name, body.ToMemory().Length);
                    });
                }

                await WaitSearchableAsync(http, burst, sources.Count, cancellationToken);
            });
            var hostCpu = CpuTime.OfProcess(host.ProcessId) - hostCpu0;
            meter.Results[^1] = cost with
            {
                Note = $"host process {hostCpu?.TotalMilliseconds / sources.Count:0.00} ms CPU/article; host CPU column: the bench's uploads",
            };
            IngestCpuRun.Progress($"  {meter.Results[^1].Note}");
        }
    }

    private static async Task WaitSearchableAsync(HttpClient http, string source, int count, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var query = $"/api/search?q=*&top=0&count=true&filter={Uri.EscapeDataString($"source eq '{source}'")}";
        while (clock.Elapsed < Limit)
        {
            using (var response = await http.GetAsync(query, cancellationToken))
            {
                if (response.IsSuccessStatusCode)
                {
                    using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                    if (json.RootElement.TryGetProperty("count", out var found) && found.GetInt32() >= count)
                    {
                        return;
                    }
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        throw new TimeoutException($"Not all {count} uploads under {source}/ were searchable within {Limit.TotalMinutes:0} minutes.");
    }
}
