using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Pipeline.Bench.Extraction.Corpora;
using Pipeline.Bench.Extraction.Extractors;

namespace Pipeline.Bench.Extraction;

/// <summary>
/// <c>extraction-speed [--shared &lt;dir&gt;] [--rounds &lt;n&gt;]</c>: times the HTML normalizer against plain SmartReader
/// on the same pages, without scoring, in alternating rounds so that a change of machine load falls on both systems.
/// </summary>
internal static class SpeedCommand
{
    public static Command Create()
    {
        var shared = BenchCommandLine.SharedOption();
        var rounds = BenchCommandLine.WholeNumberOption("--rounds", "Timed rounds per system and page set (default 3); the median round is reported.");
        var only = new Option<string?>("--only") { Description = "Time one system alone (for a profiler): Pipeline or SmartReader.", HelpName = "system" }
            .AcceptOnlyFromAmong("Pipeline", "SmartReader");
        var command = new Command(
            "extraction-speed",
            "Times the HTML normalizer and plain SmartReader on the readability + postlight pages and on the snippet pages, " +
            "in alternating rounds, and prints pages/s (wall clock and CPU) and the ratio; no scoring, no report file.")
        {
            shared,
            rounds,
            only,
        }.WithExamples(
            "Pipeline.Bench extraction-speed",
            "Pipeline.Bench extraction-speed --rounds 5",
            "Pipeline.Bench extraction-speed --only Pipeline --rounds 1");
        command.SetAction(parsed => Run(parsed.GetValue(shared)!, parsed.GetValue(rounds) ?? 3, parsed.GetValue(only)));
        return command;
    }

    public static int Run(string shared, int rounds, string? only)
    {
        var readabilityDirectory = Path.Combine(shared, "corpora", "readability");
        var postlightDirectory = Path.Combine(shared, "corpora", "postlight");
        var snippetsDirectory = Path.Combine(shared, "corpora", "snippets");
        if (!Directory.Exists(readabilityDirectory) || !File.Exists(Path.Combine(postlightDirectory, "cases.json"))
            || !File.Exists(Path.Combine(snippetsDirectory, "annotations.json")))
        {
            Console.Error.WriteLine($"Corpora not found under '{shared}'. Pass --shared <dir> (the folder holding corpora/).");
            return BenchCommandLine.DataMissing;
        }

        var readability = ReadabilityCorpus.Load(readabilityDirectory).Select(c => Page(c.SourcePath, File.ReadAllBytes(c.SourcePath), ReadabilityCorpus.PageUrl));
        var postlight = PostlightCorpus.Load(postlightDirectory).Select(c => Page(c.SourcePath, File.ReadAllBytes(c.SourcePath), c.Url));
        IReadOnlyList<(string Name, IReadOnlyList<SpeedPage> Pages)> sets =
        [
            ("readability + postlight", [.. readability.Concat(postlight)]),
            ("snippets", [.. SnippetsCorpus.Load(snippetsDirectory).Select(c => Page(c.Name + ".html", SnippetsCorpus.ReadPage(c.SourcePath), c.Url))]),
        ];
        IReadOnlyList<IArticleExtractor> extractors = [new PipelineExtractor(), new SmartReaderExtractor()];
        extractors = [.. extractors.Where(e => only is null || e.Name == only)];

        Console.WriteLine($"Load average at start: {BenchMachine.LoadAverage()}");
        foreach (var (name, pages) in sets)
        {
            // One untimed pass each, so that both run warm.
            foreach (var extractor in extractors)
            {
                Time(extractor, pages);
            }

            var timings = extractors.ToDictionary(e => e.Name, _ => new List<(double Wall, double Cpu)>());
            for (var round = 0; round < rounds; round++)
            {
                // Alternate which system goes first, so neither always runs after the other's garbage.
                foreach (var extractor in round % 2 == 0 ? extractors : extractors.Reverse())
                {
                    timings[extractor.Name].Add(Time(extractor, pages));
                }
            }

            Console.WriteLine($"{name} ({pages.Count} pages, {pages.Sum(p => (long)p.Bytes.Length) / 1e6:0.0} MB), median of {rounds} rounds:");
            foreach (var extractor in extractors)
            {
                var (wall, cpu) = Median(timings[extractor.Name]);
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {extractor.Name,-12} {pages.Count / wall,7:0.0} pages/s wall  {pages.Count / cpu,7:0.0} pages/s CPU  (rounds: {string.Join(", ", timings[extractor.Name].Select(t => (pages.Count / t.Wall).ToString("0.0", CultureInfo.InvariantCulture)))})"));
            }

            if (extractors.Count == 2)
            {
                var ours = Median(timings[extractors[0].Name]);
                var theirs = Median(timings[extractors[1].Name]);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ratio {theirs.Wall / ours.Wall:0.00}x wall, {theirs.Cpu / ours.Cpu:0.00}x CPU"));
            }
        }

        Console.WriteLine($"Load average at end: {BenchMachine.LoadAverage()}");
        return BenchCommandLine.Success;
    }

    private static SpeedPage Page(string path, byte[] bytes, Uri url) => new(Path.GetFileName(path), bytes, url);

    /// <summary>Wall-clock and process CPU seconds for one pass (the process runs nothing else meanwhile).</summary>
    private static (double Wall, double Cpu) Time(IArticleExtractor extractor, IReadOnlyList<SpeedPage> pages)
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        foreach (var page in pages)
        {
            extractor.Extract(page.Name, page.Bytes, page.Url);
        }

        stopwatch.Stop();
        process.Refresh();
        return (stopwatch.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
    }

    private static (double Wall, double Cpu) Median(List<(double Wall, double Cpu)> timings)
    {
        var walls = timings.Select(t => t.Wall).Order().ToList();
        var cpus = timings.Select(t => t.Cpu).Order().ToList();
        return (walls[walls.Count / 2], cpus[cpus.Count / 2]);
    }

    private sealed record SpeedPage(string Name, byte[] Bytes, Uri Url);
}
