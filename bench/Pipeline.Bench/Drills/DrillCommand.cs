using System.CommandLine;

namespace Pipeline.Bench.Drills;

/// <summary>
/// <c>drill load</c> and <c>drill outage</c>: the local host (<c>pipeline run</c>) on its own Azurite, under HTTP load
/// while articles and hostile inputs are uploaded, with storage stopped for a while in the outage drill. Each writes
/// its section of <c>bench/results/drills.md</c>.
/// </summary>
internal static class DrillCommand
{
    /// <summary>Exit code when the drill ran but a criterion failed (a 5xx, a connection error, an upload lost, a slow stop).</summary>
    public const int Failed = 3;

    public static Command Create()
    {
        var drill = new Command(
            "drill",
            "Failure drills against the local host as users run it (pipeline run, its own Azurite on free ports, a fresh index): " +
            "HTTP load on search, suggest, article and related while articles and hostile inputs are uploaded; the outage " +
            "drill also stops storage mid-load and stops the host during a second outage. Writes its section of " +
            "bench/results/drills.md; exit code 3 when a criterion failed (a 5xx outside health, a connection error, an upload " +
            "neither indexed nor rejected, a stop longer than the shutdown timeout).")
        {
            Create("load", "HTTP load while articles and hostile uploads are ingested.", outage: false),
            Create("outage", "The same load with storage stopped mid-way, then a stop of the host while storage is down.", outage: true),
        };
        return drill.WithExamples(
            "Pipeline.Bench drill load --quick",
            "Pipeline.Bench drill load",
            "Pipeline.Bench drill outage",
            "Pipeline.Bench drill outage --articles 10_000 --seconds 120 --outage-seconds 60");
    }

    private static Command Create(string name, string description, bool outage)
    {
        var quick = new Option<bool>("--quick") { Description = "About two minutes: 1,000 articles, 20 s of load" + (outage ? ", 10 s outage." : ".") };
        var shared = BenchCommandLine.SharedOption();
        var output = BenchCommandLine.OutOption("drills.md");
        var articles = BenchCommandLine.WholeNumberOption("--articles", "Articles uploaded during the load (default 5,000; --quick 1,000).");
        var hostile = BenchCommandLine.WholeNumberOption("--hostile", "Hostile uploads among them (default 50; --quick 20).", allowZero: true);
        var connections = BenchCommandLine.WholeNumberOption("--connections", "HTTP connections, over search, suggest, article and related (default 16).");
        var seconds = BenchCommandLine.WholeNumberOption("--seconds", "Seconds of load (default 60; --quick 20).");
        var shutdown = BenchCommandLine.WholeNumberOption("--shutdown-timeout", "The host's shutdown timeout in seconds (default 30, the .NET default).");
        var drain = BenchCommandLine.WholeNumberOption("--drain-seconds", "Longest wait after the load for every upload to be indexed or rejected (default 360; --quick 150).");
        var command = new Command(name, description) { quick, shared, output, articles, hostile, connections, seconds, shutdown, drain };
        var outageAt = BenchCommandLine.WholeNumberOption("--outage-at", "Seconds into the load when storage stops (default 15; --quick 5).", allowZero: true);
        var outageSeconds = BenchCommandLine.WholeNumberOption("--outage-seconds", "Seconds storage stays down (default 30; --quick 10).");
        var stopBatch = BenchCommandLine.WholeNumberOption("--stop-batch", "Articles uploaded before the stop during the second outage (default 300; --quick 100).");
        if (outage)
        {
            command.Options.Add(outageAt);
            command.Options.Add(outageSeconds);
            command.Options.Add(stopBatch);
        }

        command.SetAction((parsed, cancellationToken) =>
        {
            var q = parsed.GetValue(quick);
            var options = new DrillOptions(
                new ReportOptions(parsed.GetValue(shared)!, parsed.GetValue(output)!),
                q,
                parsed.GetValue(articles) ?? (q ? 1_000 : 5_000),
                parsed.GetValue(hostile) ?? (q ? 20 : 50),
                parsed.GetValue(connections) ?? 16,
                parsed.GetValue(seconds) ?? (q ? 20 : 60),
                outage ? parsed.GetValue(outageAt) ?? (q ? 5 : 15) : 0,
                outage ? parsed.GetValue(outageSeconds) ?? (q ? 10 : 30) : 0,
                outage ? parsed.GetValue(stopBatch) ?? (q ? 100 : 300) : 0,
                parsed.GetValue(shutdown) ?? 30,
                TimeSpan.FromSeconds(parsed.GetValue(drain) ?? (q ? 150 : 360)));
            return DrillRun.RunAsync(options, outage, cancellationToken);
        });
        return command;
    }
}
