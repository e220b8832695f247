namespace Pipeline.Bench.Ingest;

/// <summary>What one stage cost over a pass of articles: wall time, this process's CPU and Azurite's.</summary>
internal sealed record StageCost(string Stage, int Articles, TimeSpan Wall, TimeSpan HostCpu, TimeSpan? AzuriteCpu, string? Note = null)
{
    public double HostMsPerArticle => HostCpu.TotalMilliseconds / Articles;

    public double? AzuriteMsPerArticle => AzuriteCpu?.TotalMilliseconds / Articles;

    public double ArticlesPerSecond => Articles / Wall.TotalSeconds;
}

/// <summary>Measures stages: CPU of this process and of Azurite (when running) around a pass.</summary>
internal sealed class StageMeter(Func<int?> azuriteProcessId, Action<string> progress)
{
    public List<StageCost> Results { get; } = [];

    public async Task<StageCost> MeasureAsync(string stage, int articles, Func<Task> pass, Func<string>? note = null)
    {
        // Garbage of the stage before is not billed to this one.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var pid = azuriteProcessId();
        var azurite0 = pid is { } p0 ? CpuTime.OfProcess(p0) : null;
        var host0 = CpuTime.OfThisProcess;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await pass();
        var wall = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        var host = CpuTime.OfThisProcess - host0;
        var azurite = pid is { } p1 && azurite0 is { } a0 && CpuTime.OfProcess(p1) is { } a1 ? a1 - a0 : (TimeSpan?)null;
        var cost = new StageCost(stage, articles, wall, host, azurite, note?.Invoke());
        Results.Add(cost);
        progress($"{stage}: {cost.HostMsPerArticle:0.00} ms host CPU/article" +
            (cost.AzuriteMsPerArticle is { } a ? $", {a:0.00} ms Azurite" : string.Empty) + $", {cost.ArticlesPerSecond:0} articles/s");
        return cost;
    }
}
