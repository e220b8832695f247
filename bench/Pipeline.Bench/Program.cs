using System.CommandLine;
using Pipeline.Bench;
using Pipeline.Bench.Drills;
using Pipeline.Bench.Extraction;
using Pipeline.Bench.Ingest;
using Pipeline.Bench.Latency;
using Pipeline.Bench.Relevance;

// Entry point: `dotnet run -c Release --project bench/Pipeline.Bench -- <command> [options]`; `--help` on any command.
var root = new RootCommand(
    "Quality and speed measurements of Pipeline against the shared corpora. The report-writing commands (extraction, " +
    "relevance, latency, drill) write Markdown into bench/results/.")
{
    ExtractionCommand.Create(),
    RelevanceCommand.Create(),
    LatencyCommand.Create(),
    SnippetsCommand.Create(),
    TitlesCommand.Create(),
    ShowCommand.Create(),
    DrillCommand.Create(),
    IngestCpuCommand.Create(),
    SpeedCommand.Create(),
};
root.WithExamples(
    "dotnet run -c Release --project bench/Pipeline.Bench -- extraction",
    "dotnet run -c Release --project bench/Pipeline.Bench -- latency --quick",
    "dotnet run -c Release --project bench/Pipeline.Bench -- drill outage --quick",
    "dotnet run -c Release --project bench/Pipeline.Bench -- ingest-cpu --no-azurite",
    "dotnet run -c Release --project bench/Pipeline.Bench -- relevance --shared /data/shared");
return await BenchCommandLine.RunAsync(root, args);
