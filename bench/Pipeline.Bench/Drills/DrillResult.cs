using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Pipeline.Bench.Drills;

/// <summary>What a drill measured, and whether it met its criteria; written as a Markdown section.</summary>
internal sealed class DrillResult(DrillOptions options, bool outage)
{
    public string LoadBefore { get; set; } = "";

    public string LoadAfter { get; set; } = "";

    public string? Aborted { get; set; }

    public ApiLoad? Load { get; set; }

    public double LoadSeconds { get; set; }

    public int UploadRetries { get; set; }

    public UploadAccount? Account { get; set; }

    public double DrainSeconds { get; set; }

    public TimeSpan? OutageStart { get; set; }

    public TimeSpan? OutageEnd { get; set; }

    public TimeSpan? ResumedAfter { get; set; }

    public long StopBatchIndexedBeforeStop { get; set; }

    public (bool Exited, TimeSpan Took, int? ExitCode)? Stop { get; set; }

    public UploadAccount? FinalAccount { get; set; }

    public double RestartDrainSeconds { get; set; }

    // A probe counts as answered during the outage only if its answer came before storage was back: one sent while
    // storage was down can find it up again by the time the host checks it, and then 200 is the right answer.
    private IReadOnlyList<HealthProbe> OutageProbes =>
        Load is null || OutageStart is null || OutageEnd is null
            ? []
            : [.. Load.Health.Where(p => p.At >= OutageStart.Value + TimeSpan.FromSeconds(2) && p.Answered < OutageEnd.Value)];

    public List<string> Failures
    {
        get
        {
            var failures = new List<string>();
            if (Aborted is not null)
            {
                failures.Add($"the drill did not finish: {Aborted}");
            }

            foreach (var endpoint in Load?.Stats ?? [])
            {
                if (endpoint.ServerErrors > 0 || endpoint.ConnectionErrors > 0)
                {
                    failures.Add($"{endpoint.Name}: {endpoint.ServerErrors} 5xx, {endpoint.ConnectionErrors} connection errors");
                }
            }

            if (Load?.Health.Any(p => p.Status is null) == true)
            {
                failures.Add("health: connection errors");
            }

            foreach (var (name, account) in new[] { ("after the load", Account), ("after the restart", FinalAccount) })
            {
                if (account is { Complete: false })
                {
                    failures.Add($"{name}: {account.Pending.Count} upload(s) neither indexed nor rejected ({account.Parked} parked)");
                }
            }

            if (outage && Aborted is null)
            {
                if (OutageProbes.Any(p => p.Status != 503))
                {
                    failures.Add("health did not answer 503 with storage down throughout the outage");
                }

                if (ResumedAfter is null)
                {
                    failures.Add("ingest did not resume after the outage");
                }
            }

            if (Stop is { } stop && (!stop.Exited || stop.Took > TimeSpan.FromSeconds(options.ShutdownTimeout)))
            {
                failures.Add($"the stop took {stop.Took.TotalSeconds:0.0} s{(stop.Exited ? "" : " and the host was still running")} (shutdown timeout {options.ShutdownTimeout} s)");
            }

            return failures;
        }
    }

    public bool Passed => Failures.Count == 0;

    public string ToMarkdown()
    {
        var o = options;
        var md = new StringBuilder();
        var name = outage ? "outage" : "load";
        md.AppendLine(Invariant($"## `drill {name}`{(o.Quick ? " --quick" : "")}: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, commit {Commit()}"));
        md.AppendLine();
        md.AppendLine("```bash");
        md.AppendLine($"dotnet run -c Release --project bench/Pipeline.Bench -- drill {name}{(o.Quick ? " --quick" : "")}");
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine(Invariant($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}. Load average (1, 5, 15 min) before **{LoadBefore}**, after **{LoadAfter}**."));
        md.AppendLine(Invariant(
            $"Setup: `pipeline run` (Release, shutdown timeout {o.ShutdownTimeout} s) on its own Azurite and a fresh index; {o.Connections} connections " +
            $"(a quarter each on search, suggest, article, related) for {o.Seconds} s while {o.Articles:N0} BBC articles and {o.Hostile} hostile " +
            $"inputs are uploaded, spread over the load; article and related ask for {(o.Quick ? 100 : 200)} seeded articles."));
        if (outage)
        {
            md.AppendLine(Invariant(
                $"Azurite is stopped {o.OutageAt} s into the load and started again {o.OutageSeconds} s later on the same ports and data; after the load, " +
                $"{o.StopBatch} more articles are uploaded and the host gets SIGTERM while storage is down again, then a fresh host starts."));
        }

        md.AppendLine();
        if (Aborted is not null)
        {
            md.AppendLine($"**The drill did not finish:** {Aborted}");
            md.AppendLine();
        }

        if (Load is not null)
        {
            md.AppendLine("| endpoint | requests | req/s | 2xx | 4xx | 5xx | connection errors | p50 ms | p99 ms |" + (outage ? " during the outage: requests / 5xx or errors |" : ""));
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|" + (outage ? "---:|" : ""));
            foreach (var s in Load.Stats)
            {
                md.AppendLine(Invariant(
                    $"| {s.Name} | {s.Requests:N0} | {s.Requests / LoadSeconds:N0} | {s.Success:N0} | {s.ClientErrors:N0} | {s.ServerErrors:N0} | {s.ConnectionErrors:N0} | {s.Percentile(50):0.0} | {s.Percentile(99):0.0} |" +
                    (outage ? $" {s.DuringOutage:N0} / {s.FailedDuringOutage:N0} |" : "")));
            }

            md.AppendLine();
            foreach (var s in Load.Stats.Where(s => s.Examples.Count > 0))
            {
                md.AppendLine($"- {s.Name} failures, first of them: {string.Join("; ", s.Examples.Select(e => $"`{e.ReplaceLineEndings(" ")}`"))}");
            }

            var health = Load.Health;
            md.AppendLine(Invariant($"- Health, probed once a second on its own connection: {health.Count} probes, {string.Join(", ", health.GroupBy(p => p.Status?.ToString(CultureInfo.InvariantCulture) ?? "no answer").Select(g => $"{g.Count()} × {g.Key}"))}."));
        }

        if (outage && OutageStart is { } start)
        {
            var probes = OutageProbes;
            md.AppendLine(Invariant(
                $"- Outage: storage down from {start.TotalSeconds:0} s to {OutageEnd?.TotalSeconds:0} s; health answered during it (from 2 s in): " +
                $"{probes.Count(p => p.Status == 503)} of {probes.Count} probes 503 with storage `{string.Join("/", probes.Select(p => p.Storage ?? "?").Distinct())}`."));
            md.AppendLine(ResumedAfter is { } resumed
                ? Invariant($"- Ingest resumed by itself **{resumed.TotalSeconds:0.0} s** after storage came back (the first article indexed after it).")
                : "- Ingest did **not** resume within the drain limit after storage came back.");
        }

        md.AppendLine(Invariant($"- Uploads: {UploadRetries:N0} failed upload tries retried by the client{(outage ? " (storage down)" : "")}."));
        AppendAccount(md, "after the load", Account, DrainSeconds, "after the load ended");
        if (Stop is { } stop)
        {
            md.AppendLine(Invariant(
                $"- Stop (SIGTERM{(outage ? $", storage down, {StopBatchIndexedBeforeStop} of {o.StopBatch} of the last batch indexed" : ", storage up")}): " +
                (stop.Exited ? $"ended in **{stop.Took.TotalSeconds:0.0} s**, exit code {stop.ExitCode}" : $"**still running after {stop.Took.TotalSeconds:0} s**") +
                $" (shutdown timeout {o.ShutdownTimeout} s)."));
        }

        AppendAccount(md, "after the restart", FinalAccount, RestartDrainSeconds, "after storage and a fresh host started");
        md.AppendLine();
        var failures = Failures;
        md.AppendLine(failures.Count == 0
            ? "**Passed:** no 5xx outside health, no connection errors, every upload indexed or rejected" + (Stop is null ? "." : ", the stop within the shutdown timeout.")
            : $"**Failed:** {string.Join("; ", failures)}.");
        return md.ToString();
    }

    private static void AppendAccount(StringBuilder md, string name, UploadAccount? account, double seconds, string since)
    {
        if (account is null)
        {
            return;
        }

        var reasons = string.Join(", ", account.Rejected.OrderByDescending(r => r.Value).Select(r => Invariant($"{r.Key} {r.Value}")));
        md.AppendLine(Invariant(
            $"- Uploads {name}: {account.Uploaded:N0} uploaded, **{account.Indexed:N0} indexed, {account.RejectedTotal:N0} rejected** ({reasons}), " +
            $"{account.Parked} parked, **{account.Pending.Count} lost or pending**; accounted {seconds:0} s {since}."));
        if (account.Pending.Count > 0)
        {
            md.AppendLine($"  - Not accounted for (first 10): {string.Join(", ", account.Pending.Take(10).Select(p => $"`{p}`"))}");
        }
    }

    private static string Commit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["-C", BenchPaths.RepositoryRoot, "rev-parse", "--short", "HEAD"]) { RedirectStandardOutput = true });
            var commit = git?.StandardOutput.ReadToEnd().Trim();
            git?.WaitForExit();
            return string.IsNullOrEmpty(commit) ? "unknown" : commit;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // Strings put together from several interpolations; the drill runs with the invariant culture (DrillRun).
    private static string Invariant(string text) => text;
}
