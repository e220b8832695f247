using Pipeline.Bench.Extraction;
using Pipeline.Bench.Latency;
using Pipeline.Bench.Relevance;

// Entry point: `dotnet run -c Release --project bench/Pipeline.Bench -- <command> [options]`.
var command = args.Length > 0 ? args[0] : null;
switch (command)
{
    case "extraction":
        return await ExtractionCommand.RunAsync(args[1..]);
    case "relevance":
        return await RelevanceCommand.RunAsync(args[1..]);
    case "latency":
        return await LatencyCommand.RunAsync(args[1..]);
    case "snippets":
        return SnippetsCommand.Run(args[1..]);
    case "show":
        return ShowCommand.Run(args[1..]);
    case "titles":
        return TitlesCommand.Run(args[1..]);
    default:
        Console.Error.WriteLine("""
            Usage: Pipeline.Bench <command> [options]

            Commands:
              extraction [--shared <dir>] [--out <file.md>]
                  Scores the HTML normalizer against the readability and postlight corpora, side by side with plain
                  SmartReader; runs the production normalizer over the BBC corpus and the seed sample; measures speed
                  per format; and writes a Markdown report (default bench/results/extraction.md).
              relevance [--shared <dir>] [--out <file.md>]
                  Indexes the TIME, CISI, MED and Cranfield collections with Pipeline's Lucene index and with plain Lucene
                  BM25 defaults, runs every judged query through both, and reports nDCG@10, MAP@100 and recall@100
                  (default bench/results/relevance.md).
              latency [--shared <dir>] [--out <file.md>] [--articles N] [--index <dir>] [--seconds S] [--clients C]
                  Generates N articles (default 100,000) from the BBC corpus, bulk-indexes them, measures query latency
                  (simple, filtered + faceted, related) and HTTP requests/s of GET /api/search on Kestrel
                  (default bench/results/latency.md).
              titles [--shared <dir>] [--all]
                  Prints the expected title of each readability and postlight case next to every extractor's title
                  (only the cases Pipeline misses, unless --all), with the counts of correct titles.
              show <file.html> [<page url>]
                  Prints what the HTML normalizer makes of one page, as JSON (for looking into a case).
            """);
        return command is null or "-h" or "--help" ? 0 : 2;
}
