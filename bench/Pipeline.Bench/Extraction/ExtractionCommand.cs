using System.CommandLine;
using System.Diagnostics;
using Pipeline.Bench.Extraction.Corpora;
using Pipeline.Bench.Extraction.Extractors;
using Pipeline.Bench.Extraction.Production;
using Pipeline.Bench.Extraction.Reporting;
using Pipeline.Bench.Extraction.Scoring;
using Pipeline.Bench.Extraction.Snippets;
using Pipeline.Core.Normalization;

namespace Pipeline.Bench.Extraction;

/// <summary>
/// <c>extraction [--shared &lt;dir&gt;] [--out &lt;file.md&gt;]</c>: scores every extractor on both HTML corpora, times them,
/// and writes the Markdown report.
/// </summary>
internal static class ExtractionCommand
{
    public static Command Create()
    {
        var shared = BenchCommandLine.SharedOption();
        var output = BenchCommandLine.OutOption("extraction.md");
        var command = new Command(
            "extraction",
            "Scores the HTML normalizer against the readability and postlight corpora, side by side with plain SmartReader; " +
            "runs the production normalizer over the BBC corpus and the seed sample; measures speed per format; and writes a " +
            "Markdown report.")
        {
            shared,
            output,
        }.WithExamples(
            "Pipeline.Bench extraction",
            "Pipeline.Bench extraction --shared /data/shared --out /tmp/extraction.md");
        command.SetAction(async (parsed, _) => await RunAsync(new ReportOptions(parsed.GetValue(shared)!, parsed.GetValue(output)!)));
        return command;
    }

    public static async Task<int> RunAsync(ReportOptions options)
    {
        var readabilityDirectory = Path.Combine(options.SharedDirectory, "corpora", "readability");
        var postlightDirectory = Path.Combine(options.SharedDirectory, "corpora", "postlight");
        if (!Directory.Exists(readabilityDirectory) || !File.Exists(Path.Combine(postlightDirectory, "cases.json")))
        {
            Console.Error.WriteLine($"Corpora not found under '{options.SharedDirectory}'. Pass --shared <dir> (the folder holding corpora/).");
            return 1;
        }

        IReadOnlyList<IArticleExtractor> extractors = [new PipelineExtractor(), new SmartReaderExtractor()];
        var readability = ReadabilityCorpus.Load(readabilityDirectory);
        var postlight = PostlightCorpus.Load(postlightDirectory);
        Console.WriteLine($"Loaded {readability.Count} readability cases and {postlight.Count} postlight cases from {options.SharedDirectory}");

        var readabilityResults = ScoreReadability(readability, extractors);
        var postlightResults = ScorePostlight(postlight, extractors);
        var pages = readability.Select(c => (c.SourcePath, ReadabilityCorpus.PageUrl)).Concat(postlight.Select(c => (c.SourcePath, c.Url))).ToList();
        var speeds = extractors.Select(e => MeasureSpeed(e, pages)).ToList();
        var snippets = EvaluateSnippets(options.SharedDirectory, extractors);
        var production = EvaluateProduction(options.SharedDirectory, pages.Select(p => p.SourcePath).ToList());

        var report = new ExtractionReport(extractors.Select(e => e.Name).ToList(), readabilityResults, postlightResults, speeds, production, options.SharedDirectory, snippets);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.OutputPath))!);
        await File.WriteAllTextAsync(options.OutputPath, report.ToMarkdown());
        Console.WriteLine();
        Console.WriteLine(report.ToConsoleSummary());
        Console.WriteLine($"Report written to {Path.GetFullPath(options.OutputPath)}");
        return 0;
    }

    private static List<CaseResult<ReadabilityScore>> ScoreReadability(IReadOnlyList<ReadabilityCase> cases, IReadOnlyList<IArticleExtractor> extractors)
    {
        var results = new List<CaseResult<ReadabilityScore>>();
        for (var i = 0; i < cases.Count; i++)
        {
            var testCase = cases[i];
            var html = File.ReadAllBytes(testCase.SourcePath);
            var expectedTokens = TextTokens.Tokenize(testCase.ExpectedText);
            var scores = extractors.ToDictionary(
                e => e.Name,
                e => CaseScorer.Score(testCase, expectedTokens, e.Extract(testCase.Name + ".html", html, ReadabilityCorpus.PageUrl)));
            results.Add(new CaseResult<ReadabilityScore>(testCase.Name, scores));
            Console.WriteLine($"[readability {i + 1,3}/{cases.Count}] {testCase.Name,-40} F1 {string.Join("  ", scores.Select(s => $"{s.Key} {s.Value.Text.F1:0.000}"))}");
        }

        return results;
    }

    private static List<CaseResult<PostlightScore>> ScorePostlight(IReadOnlyList<PostlightCase> cases, IReadOnlyList<IArticleExtractor> extractors)
    {
        var results = new List<CaseResult<PostlightScore>>();
        for (var i = 0; i < cases.Count; i++)
        {
            var testCase = cases[i];
            var html = File.ReadAllBytes(testCase.SourcePath);
            var scores = extractors.ToDictionary(e => e.Name, e => CaseScorer.Score(testCase, e.Extract(testCase.Name + ".html", html, testCase.Url)));
            results.Add(new CaseResult<PostlightScore>(testCase.Name, scores));
            Console.WriteLine($"[postlight   {i + 1,3}/{cases.Count}] {testCase.Name,-40} {string.Join("  ", scores.Select(s => $"{s.Key} {Marks(s.Value)}"))}");
        }

        return results;
    }

    /// <summary>The snippet-annotated corpus, when it is there (it is newer than the other two).</summary>
    private static (IReadOnlyList<SnippetsPageResult> Pages, IReadOnlyList<SpeedResult> Speeds)? EvaluateSnippets(string sharedDirectory, IReadOnlyList<IArticleExtractor> extractors)
    {
        var directory = Path.Combine(sharedDirectory, "corpora", "snippets");
        if (!File.Exists(Path.Combine(directory, "annotations.json")))
        {
            Console.Error.WriteLine($"Snippets corpus not found at '{directory}'; skipping its section.");
            return null;
        }

        var (pages, speeds) = SnippetsEvaluation.Run(SnippetsCorpus.Load(directory), extractors);
        return (pages, speeds);
    }

    /// <summary>
    /// The production normalizer (format detection and routing included) on BBC plain text and the seed, then its speed
    /// per format. Markdown and JSON inputs are generated from the BBC files: there is no corpus of either.
    /// </summary>
    private static ProductionResults? EvaluateProduction(string sharedDirectory, IReadOnlyList<string> htmlPages)
    {
        var bbcDirectory = Path.Combine(sharedDirectory, "corpora", "bbc");
        var seedPath = Path.Combine(sharedDirectory, SeedEvaluation.RelativePath);
        if (!Directory.Exists(bbcDirectory) || !File.Exists(seedPath))
        {
            Console.Error.WriteLine($"BBC corpus or seed sample not found under '{sharedDirectory}'; skipping the production sections.");
            return null;
        }

        using var pipeline = new ProductionPipeline();
        var bbc = BbcCorpus.Load(bbcDirectory);
        Console.WriteLine($"Normalizing {bbc.Count} BBC files…");
        var bbcResult = BbcEvaluation.Evaluate(bbc, pipeline.Normalizer);
        var seed = SeedEvaluation.Evaluate(seedPath, pipeline.Normalizer);

        IReadOnlyList<FormatSpeedResult> speeds =
        [
            FormatSpeed.Measure("Plain text", "BBC corpus", bbc.Select(f => new SourceDocument(f.RelativeName, f.Bytes, "text/plain")).ToList(), pipeline),
            FormatSpeed.Measure("HTML", "readability + postlight pages", htmlPages.Select(p => new SourceDocument(Path.GetFileName(p), File.ReadAllBytes(p), "text/html")).ToList(), pipeline),
            FormatSpeed.Measure("Markdown", "generated from BBC", bbc.Select((f, i) => new SourceDocument(Path.ChangeExtension(f.RelativeName, ".md"), SyntheticSources.ToMarkdown(f, i), "text/markdown")).ToList(), pipeline),
            FormatSpeed.Measure("JSON", "generated from BBC", bbc.Select((f, i) => new SourceDocument(Path.ChangeExtension(f.RelativeName, ".json"), SyntheticSources.ToJson(f, i), "application/json")).ToList(), pipeline),
        ];
        return new ProductionResults(bbcResult, seed, speeds);
    }

    /// <summary>A second, timed pass: every page was already extracted once, so code paths and caches are warm.</summary>
    private static SpeedResult MeasureSpeed(IArticleExtractor extractor, IReadOnlyList<(string Path, Uri Url)> pages)
    {
        Console.WriteLine($"Timing {extractor.Name} over {pages.Count} pages…");
        var inputs = pages.Select(p => (Name: Path.GetFileName(p.Path), Bytes: File.ReadAllBytes(p.Path), p.Url)).ToList();
        var stopwatch = Stopwatch.StartNew();
        foreach (var (name, bytes, url) in inputs)
        {
            extractor.Extract(name, bytes, url);
        }

        stopwatch.Stop();
        return new SpeedResult(extractor.Name, inputs.Count, inputs.Sum(i => (long)i.Bytes.Length), stopwatch.Elapsed);
    }

    private static string Marks(PostlightScore score) =>
        string.Concat(new[] { score.Title, score.Author, score.Published, score.ContentStart }.Select(r => r switch { true => '+', false => 'x', null => '.' }));
}
