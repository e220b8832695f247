using System.CommandLine;
using System.Diagnostics;
using Pipeline.Bench.Relevance.Collections;
using Pipeline.Bench.Relevance.Reporting;
using Pipeline.Bench.Relevance.Scoring;
using Pipeline.Bench.Relevance.Systems;

namespace Pipeline.Bench.Relevance;

/// <summary>
/// <c>relevance [--shared &lt;dir&gt;] [--out &lt;file.md&gt;]</c>: indexes each IR collection with the product and with
/// plain Lucene BM25, runs every judged query through both, and writes nDCG@10, MAP and recall@100.
/// </summary>
internal static class RelevanceCommand
{
    public static Command Create()
    {
        var shared = BenchCommandLine.SharedOption();
        var output = BenchCommandLine.OutOption("relevance.md");
        var command = new Command(
            "relevance",
            "Indexes the TIME, CISI, MED and Cranfield collections with Pipeline's Lucene index and with plain Lucene BM25 " +
            "defaults, runs every judged query through both, and reports nDCG@10, MAP@100 and recall@100.")
        {
            shared,
            output,
        }.WithExamples(
            "Pipeline.Bench relevance",
            "Pipeline.Bench relevance --shared /data/shared --out /tmp/relevance.md");
        command.SetAction((parsed, cancellationToken) => RunAsync(new ReportOptions(parsed.GetValue(shared)!, parsed.GetValue(output)!), cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(ReportOptions options, CancellationToken cancellationToken = default)
    {
        var irDirectory = Path.Combine(options.SharedDirectory, "corpora", "ir");
        if (!Directory.Exists(irDirectory))
        {
            Console.Error.WriteLine($"'{irDirectory}' not found. Pass --shared <dir> (the folder holding corpora/).");
            return 1;
        }

        var stopwatch = Stopwatch.StartNew();
        var results = new List<CollectionResult>();
        foreach (var collection in IrCollections.LoadAll(irDirectory))
        {
            var judged = collection.JudgedQueries;
            Console.WriteLine($"{collection.Name}: {collection.Documents.Count} documents, {judged.Count} judged queries");
            var scores = new List<SystemScores>();
            foreach (var createSystem in new Func<IRankingSystem>[] { () => new PipelineSystem(collection.Name), () => new LuceneBaselineSystem() })
            {
                await using var system = createSystem();
                scores.Add(await EvaluateAsync(system, collection, judged, cancellationToken));
                var last = scores[^1];
                Console.WriteLine($"  {last.System,-22} nDCG@10 {last.NdcgAt10:0.0000}  MAP@100 {last.Map:0.0000}  R@100 {last.RecallAt100:0.0000}");
            }

            results.Add(new CollectionResult(collection.Name, collection.Documents.Count, judged.Count, collection.IsGraded, collection.JudgmentsDescription, scores));
        }

        var report = new RelevanceReport(results, irDirectory, stopwatch.Elapsed);
        var previous = File.Exists(options.OutputPath) ? await File.ReadAllTextAsync(options.OutputPath, cancellationToken) : null;
        Directory.CreateDirectory(Path.GetDirectoryName(options.OutputPath)!);
        await File.WriteAllTextAsync(options.OutputPath, report.ToMarkdown(previous), cancellationToken);
        Console.WriteLine();
        Console.WriteLine(report.ToConsoleSummary());
        Console.WriteLine($"Report written to {options.OutputPath}");
        return 0;
    }

    private static async Task<SystemScores> EvaluateAsync(IRankingSystem system, TestCollection collection, IReadOnlyList<CollectionQuery> queries, CancellationToken cancellationToken)
    {
        var indexing = Stopwatch.StartNew();
        await system.IndexAsync(collection.Documents, cancellationToken);
        indexing.Stop();

        var querying = Stopwatch.StartNew();
        var scores = new List<QueryScores>(queries.Count);
        foreach (var query in queries)
        {
            var ranking = await system.SearchAsync(query.Text, RankingMetrics.Depth, cancellationToken);
            scores.Add(RankingMetrics.Score(ranking, collection.Judgments[query.Id]));
        }

        querying.Stop();
        return SystemScores.Mean(system.Name, scores, indexing.Elapsed, querying.Elapsed);
    }
}
