using System.Diagnostics;
using Pipeline.Bench.Extraction.Corpora;
using Pipeline.Bench.Extraction.Extractors;
using Pipeline.Bench.Extraction.Reporting;
using Pipeline.Bench.Extraction.Scoring;
using Pipeline.Core.Enrichment;

namespace Pipeline.Bench.Extraction.Snippets;

/// <summary>One snippet page: its language, each system's text and counts.</summary>
internal sealed record SnippetsPageResult(SnippetsCase Case, string Language, IReadOnlyDictionary<string, (string Text, SnippetScore Score)> Systems)
{
    public IEnumerable<string> Missed(string system) =>
        Case.With.Where(s => !Contains(Systems[system].Text, s));

    public IEnumerable<string> Leaked(string system) =>
        Case.Without.Where(s => Contains(Systems[system].Text, s));

    private static bool Contains(string text, string snippet)
    {
        var collapsed = SnippetScore.Collapse(text);
        return collapsed.Length > 0 && collapsed.Contains(SnippetScore.Collapse(snippet), StringComparison.Ordinal);
    }
}

/// <summary>Every system on every snippet page, scored as the corpus's <c>score.py</c> scores, then timed.</summary>
internal static class SnippetsEvaluation
{
    public static (List<SnippetsPageResult> Pages, List<SpeedResult> Speeds) Run(IReadOnlyList<SnippetsCase> cases, IReadOnlyList<IArticleExtractor> extractors)
    {
        var pages = new List<SnippetsPageResult>(cases.Count);
        var inputs = new List<(string Name, byte[] Bytes, Uri Url)>(cases.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            var testCase = cases[i];
            var bytes = SnippetsCorpus.ReadPage(testCase.SourcePath);
            inputs.Add((testCase.Name + ".html", bytes, testCase.Url));
            var systems = extractors.ToDictionary(
                e => e.Name,
                e =>
                {
                    var text = e.Extract(testCase.Name + ".html", bytes, testCase.Url).Text;
                    return (text, SnippetScore.Score(text, testCase.With, testCase.Without));
                });

            // The page's language from the annotated article snippets, so that no system's output decides it.
            var language = LanguageIdentifier.Identify(string.Join("\n", testCase.With)) ?? "unknown";
            pages.Add(new SnippetsPageResult(testCase, language, systems));
            Console.WriteLine($"[snippets {i + 1,3}/{cases.Count}] {testCase.Name} {language,-7} {string.Join("  ", systems.Select(s => $"{s.Key} {s.Value.Item2.Found}/{s.Value.Item2.With} leaked {s.Value.Item2.Leaked}/{s.Value.Item2.Without}"))}");
        }

        var speeds = extractors.Select(e => Time(e, inputs)).ToList();
        return (pages, speeds);
    }

    /// <summary>A second, timed pass over pages already extracted once (warm code paths), decompressed beforehand.</summary>
    private static SpeedResult Time(IArticleExtractor extractor, IReadOnlyList<(string Name, byte[] Bytes, Uri Url)> inputs)
    {
        Console.WriteLine($"Timing {extractor.Name} over {inputs.Count} snippet pages…");
        var stopwatch = Stopwatch.StartNew();
        foreach (var (name, bytes, url) in inputs)
        {
            extractor.Extract(name, bytes, url);
        }

        stopwatch.Stop();
        return new SpeedResult(extractor.Name, inputs.Count, inputs.Sum(i => (long)i.Bytes.Length), stopwatch.Elapsed);
    }
}
