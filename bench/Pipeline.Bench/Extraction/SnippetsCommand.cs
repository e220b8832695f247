using System.CommandLine;
using System.Text.Json;
using Pipeline.Bench.Extraction.Corpora;
using Pipeline.Bench.Extraction.Extractors;
using Pipeline.Bench.Extraction.Scoring;

namespace Pipeline.Bench.Extraction;

/// <summary>
/// <c>snippets [--shared &lt;dir&gt;] [--split tuning|heldout|all] [--system Pipeline|SmartReader] [--per-page &lt;file.tsv&gt;]
/// [--predictions &lt;file.json&gt;]</c>: scores one system on the snippet corpus only, quickly, for looking into cases.
/// </summary>
internal static class SnippetsCommand
{
    public static Command Create()
    {
        var shared = BenchCommandLine.SharedOption();
        var split = new Option<string>("--split")
        {
            Description = "Which pages: tuning, heldout, all (default), or readability (F1 per readability case, worst first, instead of the snippets).",
            HelpName = "split",
            DefaultValueFactory = _ => "all",
        }.AcceptOnlyFromAmong("tuning", "heldout", "all", "readability");
        var system = new Option<string>("--system") { Description = "The extractor to score (default Pipeline).", DefaultValueFactory = _ => "Pipeline" }
            .AcceptOnlyFromAmong("Pipeline", "SmartReader");
        var perPage = new Option<string?>("--per-page") { Description = "Write one line per page (found, leaked, missing and leaked snippets) to this TSV file.", HelpName = "file.tsv" };
        var predictions = new Option<string?>("--predictions") { Description = "Write the extracted text of every page to this JSON file.", HelpName = "file.json" };
        var page = new Option<string?>("--page") { Description = "Score one page only and print its text, missing and leaked snippets.", HelpName = "name" };
        var command = new Command("snippets", "Scores one system on the snippet corpus only, quickly, for looking into cases.")
        {
            shared, split, system, perPage, predictions, page,
        }.WithExamples(
            "Pipeline.Bench snippets --split heldout",
            "Pipeline.Bench snippets --system SmartReader --per-page /tmp/snippets.tsv",
            "Pipeline.Bench snippets --split readability");
        command.SetAction(parsed => Run(
            parsed.GetValue(shared)!,
            parsed.GetValue(split)!,
            parsed.GetValue(system)!,
            parsed.GetValue(perPage),
            parsed.GetValue(predictions),
            parsed.GetValue(page)));
        return command;
    }

    public static int Run(string shared, string split, string system, string? perPage, string? predictions, string? only)
    {
        IArticleExtractor extractor = system == "SmartReader" ? new SmartReaderExtractor() : new PipelineExtractor();
        if (split == "readability")
        {
            // The regression check: F1 per readability case, worst first.
            var results = ReadabilityCorpus.Load(Path.Combine(shared, "corpora", "readability"))
                .Select(c => (c.Name, Score: CaseScorer.Score(c, TextTokens.Tokenize(c.ExpectedText), extractor.Extract(c.Name + ".html", File.ReadAllBytes(c.SourcePath), ReadabilityCorpus.PageUrl))))
                .ToList();
            foreach (var (name, score) in results.OrderBy(r => r.Score.Text.F1).Take(25))
            {
                Console.WriteLine($"{name,-40} P {score.Text.Precision:0.000} R {score.Text.Recall:0.000} F1 {score.Text.F1:0.000}");
            }

            Console.WriteLine($"readability mean F1 {results.Average(r => r.Score.Text.F1):0.0000} P {results.Average(r => r.Score.Text.Precision):0.0000} R {results.Average(r => r.Score.Text.Recall):0.0000}");
            return 0;
        }

        var cases = SnippetsCorpus.Load(Path.Combine(shared, "corpora", "snippets"))
            .Where(c => split switch { "tuning" => c.IsTuning, "heldout" => !c.IsTuning, _ => true })
            .Where(c => only is null || c.Name == only)
            .ToList();
        var texts = new Dictionary<string, string>();
        var titles = new Dictionary<string, string>();
        var scores = new List<(SnippetsCase Case, SnippetScore Score)>();
        foreach (var testCase in cases)
        {
            var extracted = extractor.Extract(testCase.Name + ".html", SnippetsCorpus.ReadPage(testCase.SourcePath), testCase.Url);
            texts[testCase.Name] = extracted.Text;
            titles[testCase.Name] = extracted.Title ?? string.Empty;
            scores.Add((testCase, SnippetScore.Score(extracted.Text, testCase.With, testCase.Without)));
            if (only is not null)
            {
                Console.WriteLine(extracted.Text);
                Console.WriteLine("----");
                Console.WriteLine("missing: " + string.Join(" | ", testCase.With.Where(s => !SnippetScore.Collapse(extracted.Text).Contains(SnippetScore.Collapse(s), StringComparison.Ordinal))));
                Console.WriteLine("leaked: " + string.Join(" | ", testCase.Without.Where(s => SnippetScore.Collapse(extracted.Text).Contains(SnippetScore.Collapse(s), StringComparison.Ordinal))));
            }
        }

        if (perPage is not null)
        {
            File.WriteAllLines(perPage, scores.Select(s =>
                $"{s.Case.Name}\t{s.Score.Found}\t{s.Score.With}\t{s.Score.Leaked}\t{s.Score.Without}\t{s.Case.Url}\t" +
                string.Join(" | ", s.Case.With.Where(w => !SnippetScore.Collapse(texts[s.Case.Name]).Contains(SnippetScore.Collapse(w), StringComparison.Ordinal))) + "\t" +
                string.Join(" | ", s.Case.Without.Where(w => SnippetScore.Collapse(texts[s.Case.Name]).Contains(SnippetScore.Collapse(w), StringComparison.Ordinal)))));
        }

        if (predictions is not null)
        {
            File.WriteAllText(predictions, JsonSerializer.Serialize(texts));
        }

        var titled = SnippetTotals.Pool(scores.Select(s => SnippetScore.Score(titles[s.Case.Name] + "\n" + texts[s.Case.Name], s.Case.With, s.Case.Without)));
        Console.WriteLine($"(title prepended: P {titled.Precision:0.0000} R {titled.Recall:0.0000} F1 {titled.F1:0.0000})");
        var totals = SnippetTotals.Pool(scores.Select(s => s.Score));
        Console.WriteLine($"{system} {split} pages {totals.Pages} tp {totals.TruePositives} fn {totals.FalseNegatives} fp {totals.FalsePositives} P {totals.Precision:0.0000} R {totals.Recall:0.0000} F1 {totals.F1:0.0000}");
        return 0;
    }
}
