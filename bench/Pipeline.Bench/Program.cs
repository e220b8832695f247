using Pipeline.Bench.Extraction;

// Entry point: `dotnet run -c Release --project bench/Pipeline.Bench -- <command> [options]`.
var command = args.Length > 0 ? args[0] : null;
switch (command)
{
    case "extraction":
        return await ExtractionCommand.RunAsync(args[1..]);
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
              titles [--shared <dir>] [--all]
                  Prints the expected title of each readability and postlight case next to every extractor's title
                  (only the cases Pipeline misses, unless --all), with the counts of correct titles.
              show <file.html> [<page url>]
                  Prints what the HTML normalizer makes of one page, as JSON (for looking into a case).
            """);
        return command is null or "-h" or "--help" ? 0 : 2;
}
