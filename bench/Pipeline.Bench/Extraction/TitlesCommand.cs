using System.CommandLine;
using Pipeline.Bench.Extraction.Corpora;
using Pipeline.Bench.Extraction.Extractors;
using Pipeline.Bench.Extraction.Scoring;

namespace Pipeline.Bench.Extraction;

/// <summary>
/// <c>titles [--shared &lt;dir&gt;] [--all]</c>: the expected title of every case next to what each extractor made of it,
/// misses only unless <c>--all</c>, to look into title accuracy without the full extraction run.
/// </summary>
internal static class TitlesCommand
{
    public static Command Create()
    {
        var shared = BenchCommandLine.SharedOption();
        var all = new Option<bool>("--all") { Description = "Every case, not only the ones Pipeline misses." };
        var command = new Command(
            "titles",
            "Prints the expected title of each readability and postlight case next to every extractor's title (only the " +
            "cases Pipeline misses, unless --all), with the counts of correct titles.")
        {
            shared,
            all,
        }.WithExamples("Pipeline.Bench titles", "Pipeline.Bench titles --all");
        command.SetAction(parsed => Run(parsed.GetValue(shared)!, parsed.GetValue(all)));
        return command;
    }

    public static int Run(string sharedDirectory, bool all)
    {
        IReadOnlyList<IArticleExtractor> extractors = [new PipelineExtractor(), new SmartReaderExtractor()];
        var readability = ReadabilityCorpus.Load(Path.Combine(sharedDirectory, "corpora", "readability"));
        var postlight = PostlightCorpus.Load(Path.Combine(sharedDirectory, "corpora", "postlight"));
        var cases = readability.Select(c => (Corpus: "readability", c.Name, c.SourcePath, Url: ReadabilityCorpus.PageUrl, c.Title))
            .Concat(postlight.Select(c => (Corpus: "postlight", c.Name, c.SourcePath, c.Url, c.Title)));
        var correct = new Dictionary<(string Corpus, string Extractor), int>();
        foreach (var (corpus, name, path, url, expected) in cases)
        {
            if (expected is null)
            {
                continue;
            }

            var html = File.ReadAllBytes(path);
            var titles = extractors.Select(e => (e.Name, Title: e.Extract(name + ".html", html, url).Title)).ToList();
            var marks = titles.Select(t => FieldComparison.SameText(t.Title, expected)).ToList();
            for (var i = 0; i < titles.Count; i++)
            {
                var key = (corpus, titles[i].Name);
                correct[key] = correct.GetValueOrDefault(key) + (marks[i] ? 1 : 0);
            }

            if (all || !marks[0])
            {
                Console.WriteLine($"{corpus}/{name}");
                Console.WriteLine($"  expected    {expected}");
                for (var i = 0; i < titles.Count; i++)
                {
                    Console.WriteLine($"  {(marks[i] ? '+' : 'x')} {titles[i].Name,-10} {titles[i].Title ?? "(none)"}");
                }
            }
        }

        foreach (var ((corpus, extractor), count) in correct)
        {
            Console.WriteLine($"{corpus,-12} {extractor,-12} {count}");
        }

        return 0;
    }
}
