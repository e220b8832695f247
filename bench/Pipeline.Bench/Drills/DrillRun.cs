using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Blobs;
using Pipeline.Core.Articles;
using Pipeline.LocalHost.Azurite;

namespace Pipeline.Bench.Drills;

/// <summary>One run of a drill, from a fresh Azurite and index to the report section.</summary>
internal sealed class DrillRun : IAsyncDisposable
{
    private static readonly string[] Words =
        ["government", "market", "film", "election", "music", "technology", "club", "bank", "phone", "minister", "court", "growth", "award", "player", "software", "economy"];

    private readonly DrillOptions _options;
    private readonly bool _outage;
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("pipeline-drill-");
    private readonly Stopwatch _clock = new();
    private readonly DrillResult _result;
    private AzuriteProcess? _storage;
    private HostProcess? _host;
    private int _storageDown;

    private DrillRun(DrillOptions options, bool outage)
    {
        _options = options;
        _outage = outage;
        _result = new DrillResult(options, outage) { LoadBefore = BenchMachine.LoadAverage() };
    }

    private static string AzuriteData(DirectoryInfo work) => Path.Combine(work.FullName, "azurite");

    private string HostData => Directory.CreateDirectory(Path.Combine(_work.FullName, "host")).FullName;

    private string HostLog => Path.Combine(_work.FullName, "host.log");

    public static async Task<int> RunAsync(DrillOptions options, bool outage, CancellationToken cancellationToken)
    {
        // Figures in the report read the same on every machine.
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var bbc = Path.Combine(options.Report.SharedDirectory, "corpora", "bbc");
        if (!Directory.Exists(bbc))
        {
            Console.Error.WriteLine($"'{bbc}' not found. Pass --shared <dir> (the folder holding corpora/).");
            return BenchCommandLine.DataMissing;
        }

        var files = Directory.EnumerateFiles(bbc, "*.txt", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith("README", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        await using var run = new DrillRun(options, outage);
        try
        {
            await run.ExecuteAsync(files, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            run._result.Aborted = $"{ex.GetType().Name}: {ex.Message.Split('\n')[0].Trim()}";
            Console.Error.WriteLine(ex);
            if (run._host is { } host)
            {
                Console.Error.WriteLine($"Host output (last lines):{Environment.NewLine}{host.OutputTail}");
            }
        }

        run._result.LoadAfter = BenchMachine.LoadAverage();
        var section = run._result.ToMarkdown();
        DrillReport.WriteSection(options.Report.OutputPath, outage ? "outage" : "load", section);
        Console.WriteLine(section);
        Console.WriteLine($"Report written to {options.Report.OutputPath}; host log in {run.HostLog}");
        return run._result.Passed ? BenchCommandLine.Success : DrillCommand.Failed;
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }

        // The host log stays for a look after a failure; the rest goes.
        foreach (var folder in new[] { AzuriteData(_work), Path.Combine(_work.FullName, "host") })
        {
            try
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (IOException)
            {
                // Left behind in the temporary folder.
            }
        }
    }

    private async Task ExecuteAsync(IReadOnlyList<string> bbcFiles, CancellationToken cancellationToken)
    {
        var o = _options;
        Progress($"Starting Azurite and the host in {_work.FullName}…");
        _storage = await StartStorageAsync(null, cancellationToken);
        var endpoints = _storage.Endpoints;
        _host = await HostProcess.StartAsync(_storage.ConnectionString, HostData, BenchMachine.FreePort(), o.ShutdownTimeout, HostLog, cancellationToken);
        using var api = new HttpClient { BaseAddress = _host.Address, Timeout = TimeSpan.FromSeconds(60) };
        var service = new BlobServiceClient(_storage.ConnectionString);
        var articles = service.GetBlobContainerClient("articles");
        var rejected = service.GetBlobContainerClient("rejected");

        // A seed the article and related requests ask for, indexed before the load.
        var seed = DrillUploads.Articles(bbcFiles, "seed", o.Quick ? 100 : 200);
        var seeded = new ConcurrentBag<UploadedBlob>();
        Progress($"Seeding {seed.Count} articles…");
        await DrillUploads.UploadPacedAsync(articles, seed, TimeSpan.Zero, 8, seeded, cancellationToken);
        await WaitUntilAsync(async ct => await DrillUploads.IndexedCountAsync(api, "seed", ct) >= seed.Count, TimeSpan.FromMinutes(3), "the seed to be indexed", cancellationToken);
        var seedIds = seed.Select(s => ArticleId.FromBlobName(s.Name)).ToList();
        var load = new ApiLoad(
            _host.Address,
            [
                ("search", [.. Words.Select(w => $"/api/search?q={w}")]),
                ("suggest", [.. Words.Select(w => $"/api/suggest?q={w[..4]}")]),
                ("article", [.. seedIds.Select(id => $"/api/articles/{id}")]),
                ("related", [.. seedIds.Select(id => $"/api/articles/{id}/related")]),
            ],
            () => Volatile.Read(ref _storageDown) == 1);

        var uploads = DrillUploads.Interleave(DrillUploads.Articles(bbcFiles, "load", o.Articles), DrillUploads.Hostile(o.Hostile));
        var uploaded = new ConcurrentBag<UploadedBlob>();
        Progress($"Load: {o.Connections} connections for {o.Seconds} s while {o.Articles:N0} articles and {o.Hostile} hostile inputs are uploaded…");
        _clock.Start();
        var uploadTask = DrillUploads.UploadPacedAsync(articles, uploads, TimeSpan.FromSeconds(o.Seconds), 8, uploaded, cancellationToken);
        var outageTask = _outage ? OutageAsync(endpoints, api, cancellationToken) : Task.CompletedTask;

        // The load goes on through the whole outage and 10 s past it, however long stopping and starting storage takes.
        var outageOver = _outage ? OutageOverAsync(cancellationToken) : Task.CompletedTask;
        await load.RunAsync(o.Connections, TimeSpan.FromSeconds(o.Seconds), outageOver, _clock, cancellationToken);
        var loadEnded = _clock.Elapsed;
        _result.Load = load;
        _result.LoadSeconds = loadEnded.TotalSeconds;
        await outageTask;
        _result.UploadRetries = await uploadTask;
        Progress($"Load done after {loadEnded.TotalSeconds:0} s; {uploaded.Count:N0} uploads; waiting for every upload to be indexed or rejected…");

        _result.Account = await DrainAsync(api, rejected, [.. uploaded], ["load", "hostile"], cancellationToken);
        _result.DrainSeconds = (_clock.Elapsed - loadEnded).TotalSeconds;

        if (!_outage)
        {
            Progress("Stopping the host (SIGTERM, storage up)…");
            _result.Stop = await _host.TerminateAsync(TimeSpan.FromSeconds(o.ShutdownTimeout + 30));
            return;
        }

        await StopDuringOutageAsync(bbcFiles, endpoints, articles, [.. uploaded], cancellationToken);
    }

    private async Task OutageOverAsync(CancellationToken cancellationToken)
    {
        while (_result.OutageEnd is null)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
    }

    /// <summary>Stops storage <see cref="DrillOptions.OutageAt"/> seconds into the load, starts it again after <see cref="DrillOptions.OutageSeconds"/>, and times the resumption of ingest.</summary>
    private async Task OutageAsync(AzuriteEndpoints endpoints, HttpClient api, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(_options.OutageAt), cancellationToken);
        var before = await IndexedAsync(api, cancellationToken);
        Progress($"Outage: stopping Azurite at {_clock.Elapsed.TotalSeconds:0} s ({before} articles indexed)…");
        _result.OutageStart = _clock.Elapsed;
        Volatile.Write(ref _storageDown, 1);
        await _storage!.DisposeAsync();
        _storage = null;
        var remaining = TimeSpan.FromSeconds(_options.OutageSeconds) - (_clock.Elapsed - _result.OutageStart.Value);
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining, cancellationToken);
        }

        _storage = await StartStorageAsync(endpoints, cancellationToken);
        _result.OutageEnd = _clock.Elapsed;
        Volatile.Write(ref _storageDown, 0);
        var limit = _clock.Elapsed + _options.DrainLimit;

        // The count when storage came back; the host may be restarting and not answer for a moment.
        long atReturn;
        while ((atReturn = await IndexedAsync(api, cancellationToken)) < 0 && _clock.Elapsed < limit)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        Progress($"Outage: Azurite back at {_result.OutageEnd.Value.TotalSeconds:0} s ({atReturn} articles indexed at {_clock.Elapsed.TotalSeconds:0} s); waiting for ingest to resume…");
        while (_clock.Elapsed < limit)
        {
            if (await IndexedAsync(api, cancellationToken) > atReturn)
            {
                _result.ResumedAfter = _clock.Elapsed - _result.OutageEnd.Value;
                Progress($"Outage: ingest resumed {_result.ResumedAfter.Value.TotalSeconds:0.0} s after storage came back.");
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    /// <summary>A second outage with ingest under way: SIGTERM to the host while storage is down, then a fresh start that must finish every blob.</summary>
    private async Task StopDuringOutageAsync(
        IReadOnlyList<string> bbcFiles, AzuriteEndpoints endpoints, BlobContainerClient articles, IReadOnlyList<UploadedBlob> earlier, CancellationToken cancellationToken)
    {
        var o = _options;
        var batch = DrillUploads.Articles(bbcFiles, "stop", o.StopBatch);
        var stopUploads = new ConcurrentBag<UploadedBlob>();
        Progress($"Stop drill: uploading {batch.Count} more articles, then stopping storage and the host while they are ingested…");
        await DrillUploads.UploadPacedAsync(articles, batch, TimeSpan.Zero, 8, stopUploads, cancellationToken);
        using (var api = new HttpClient { BaseAddress = _host!.Address, Timeout = TimeSpan.FromSeconds(30) })
        {
            // Stopped while ingest is under way: once the index grows again (the batch, or what the load left behind).
            var before = await IndexedAsync(api, cancellationToken) + await DrillUploads.IndexedCountAsync(api, "stop", cancellationToken);
            await WaitUntilAsync(
                async ct => await IndexedAsync(api, ct) + await DrillUploads.IndexedCountAsync(api, "stop", ct) > before + 5, TimeSpan.FromMinutes(3), "ingest to go on", cancellationToken);
            _result.StopBatchIndexedBeforeStop = await DrillUploads.IndexedCountAsync(api, "stop", cancellationToken);
        }

        await _storage!.DisposeAsync();
        _storage = null;
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        Progress("Stop drill: SIGTERM to the host with storage down…");
        _result.Stop = await _host.TerminateAsync(TimeSpan.FromSeconds(o.ShutdownTimeout + 30));
        await _host.DisposeAsync();
        _host = null;

        Progress("Stop drill: storage and a fresh host back; waiting for every upload to be indexed or rejected…");
        var restart = Stopwatch.StartNew();
        _storage = await StartStorageAsync(endpoints, cancellationToken);
        _host = await HostProcess.StartAsync(_storage.ConnectionString, HostData, BenchMachine.FreePort(), o.ShutdownTimeout, HostLog, cancellationToken);
        using var restarted = new HttpClient { BaseAddress = _host.Address, Timeout = TimeSpan.FromSeconds(60) };
        var rejected = new BlobServiceClient(_storage.ConnectionString).GetBlobContainerClient("rejected");
        _result.FinalAccount = await DrainAsync(restarted, rejected, [.. earlier, .. stopUploads], ["load", "hostile", "stop"], cancellationToken);
        _result.RestartDrainSeconds = restart.Elapsed.TotalSeconds;
        await _host.TerminateAsync(TimeSpan.FromSeconds(o.ShutdownTimeout + 30));
    }

    /// <summary>Waits until the index holds every article upload and every hostile one is accounted for, then accounts for every upload.</summary>
    private async Task<UploadAccount> DrainAsync(HttpClient api, BlobContainerClient rejected, IReadOnlyList<UploadedBlob> uploads, string[] sources, CancellationToken cancellationToken)
    {
        var articleUploads = uploads.Count(u => !u.Hostile);
        var hostile = uploads.Where(u => u.Hostile).ToList();
        var limit = Stopwatch.StartNew();
        while (limit.Elapsed < _options.DrainLimit)
        {
            try
            {
                long indexed = 0;
                foreach (var source in sources.Where(s => s != "hostile"))
                {
                    indexed += await DrillUploads.IndexedCountAsync(api, source, cancellationToken);
                }

                if (indexed >= articleUploads && (await DrillUploads.AccountAsync(api, rejected, hostile, cancellationToken)).Complete)
                {
                    break;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // The host is busy or restarting; ask again.
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }

        // The last refresh of the index (about a second) before the final count.
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        return await DrillUploads.AccountAsync(api, rejected, uploads, cancellationToken);
    }

    private async Task<long> IndexedAsync(HttpClient api, CancellationToken cancellationToken)
    {
        try
        {
            return await DrillUploads.IndexedCountAsync(api, "load", cancellationToken) + await DrillUploads.IndexedCountAsync(api, "hostile", cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return -1;
        }
    }

    private async Task<AzuriteProcess> StartStorageAsync(AzuriteEndpoints? endpoints, CancellationToken cancellationToken) =>
        await AzuriteProcess.StartAsync(
            endpoints is null
                ? new AzuriteStartOptions { Location = AzuriteData(_work), UseFreePorts = true, StartTimeout = TimeSpan.FromMinutes(2) }
                : new AzuriteStartOptions { Location = AzuriteData(_work), Endpoints = endpoints, StartTimeout = TimeSpan.FromMinutes(2) },
            cancellationToken);

    private static async Task WaitUntilAsync(Func<CancellationToken, Task<bool>> condition, TimeSpan limit, string what, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            try
            {
                if (await condition(cancellationToken))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not answering yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        throw new TimeoutException($"Waited {limit.TotalSeconds:0} s for {what}.");
    }

    private void Progress(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
