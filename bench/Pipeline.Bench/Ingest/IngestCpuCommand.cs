using System.CommandLine;
using System.Globalization;
using System.Text;
using Pipeline.Bench.Extraction.Production;

namespace Pipeline.Bench.Ingest;

/// <summary>
/// <c>ingest-cpu</c>: where the CPU of ingesting one BBC-size article goes, stage by stage and whole, in this process
/// and in Azurite. Prints a Markdown table (and writes it with <c>--out</c>).
/// </summary>
internal static class IngestCpuCommand
{
    public static Command Create()
    {
        var shared = BenchCommandLine.SharedOption();
        var articles = BenchCommandLine.WholeNumberOption("--articles", "BBC stories to ingest per pass (default: all of corpora/bbc, 2,225).");
        var concurrency = new Option<int[]>("--concurrency")
        {
            Description = "Ingest workers of the whole-ingest passes, one pass each (default 1 and 4; the local host runs 4).",
            HelpName = "n",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => [1, 4],
        };
        var noAzurite = new Option<bool>("--no-azurite") { Description = "Skip the storage stages and the passes on Azurite." };
        var consoleLog = new Option<bool>("--console-log") { Description = "Also a pass on Azurite that logs to the console as the local host does (redirect stdout)." };
        var host = new Option<bool>("--host") { Description = "Also two bursts of uploads to the local host in its own process (pipeline run), cold then warm." };
        var noStages = new Option<bool>("--no-stages") { Description = "Skip the report of the stages without storage (they still run once, to warm up)." };
        var hostOnly = new Option<bool>("--host-only") { Description = "Only the bursts to the local host process (as --host), nothing else." };
        var output = new Option<string?>("--out")
        {
            Description = "Also write the Markdown table to this file.",
            HelpName = "file.md",
            CustomParser = result => Path.GetFullPath(result.Tokens[0].Value),
        };
        var command = new Command(
            "ingest-cpu",
            "CPU per article of each ingest stage (normalize, enrich, JSON, index read, Lucene upsert, storage requests with " +
            "Azurite's CPU from /proc) and of whole ingests on in-memory stores and on Azurite, over the BBC stories.")
        {
            shared, articles, concurrency, noAzurite, consoleLog, host, hostOnly, noStages, output,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var bbc = Path.Combine(parsed.GetValue(shared)!, "corpora", "bbc");
            if (!Directory.Exists(bbc))
            {
                Console.Error.WriteLine($"The BBC corpus is not at {bbc}; pass --shared <dir> (the folder that holds corpora/).");
                return BenchCommandLine.DataMissing;
            }

            var options = new IngestCpuOptions(
                bbc, parsed.GetValue(articles), parsed.GetValue(concurrency)!, !parsed.GetValue(noAzurite), parsed.GetValue(consoleLog), parsed.GetValue(host), !parsed.GetValue(noStages), parsed.GetValue(hostOnly));
            var work = Directory.CreateTempSubdirectory("pipeline-ingest-cpu-");
            try
            {
                var loadBefore = BenchMachine.LoadAverage();
                var results = await new IngestCpuRun(options, work).RunAsync(BbcCorpus.Load(bbc), cancellationToken);
                var report = Report(results, loadBefore, BenchMachine.LoadAverage());
                Console.Error.WriteLine();
                Console.Error.WriteLine(report);
                if (parsed.GetValue(output) is { } file)
                {
                    await File.WriteAllTextAsync(file, report, cancellationToken);
                }

                return BenchCommandLine.Success;
            }
            finally
            {
                work.Delete(recursive: true);
            }
        });
        return command.WithExamples(
            "Pipeline.Bench ingest-cpu",
            "Pipeline.Bench ingest-cpu --articles 1000 --concurrency 2 4 --console-log > /dev/null",
            "Pipeline.Bench ingest-cpu --no-azurite");
    }

    private static string Report(IReadOnlyList<StageCost> results, string loadBefore, string loadAfter)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.OSVersion.VersionString}, {Environment.ProcessorCount} logical cores; load average {loadBefore} → {loadAfter}.");
        md.AppendLine();
        md.AppendLine("| stage | articles | host CPU ms/article | Azurite CPU ms/article | wall articles/s | notes |");
        md.AppendLine("|---|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Stage} | {r.Articles:N0} | {r.HostMsPerArticle:0.00} | {(r.AzuriteMsPerArticle is { } a ? a.ToString("0.00", CultureInfo.InvariantCulture) : "–")} | {r.ArticlesPerSecond:N0} | {r.Note} |");
        }

        return md.ToString();
    }
}
