using System.Globalization;
using System.Text;
using Pipeline.Bench.Extraction.Scoring;
using Pipeline.Bench.Extraction.Snippets;

namespace Pipeline.Bench.Extraction.Reporting;

/// <summary>The snippet corpus sections of the extraction report.</summary>
internal static class SnippetsReport
{
    private const int WorstPageCount = 20;

    // Languages with fewer pages than this are pooled as "other" in the breakdown.
    private const int MinLanguagePages = 8;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void AppendMarkdown(StringBuilder md, IReadOnlyList<string> extractors, IReadOnlyList<SnippetsPageResult> pages, IReadOnlyList<SpeedResult> speeds)
    {
        var primary = extractors[0];
        md.AppendLine(Invariant, $"## Snippets corpus ({pages.Count} pages)").AppendLine();
        md.AppendLine("Scored as the corpus's `score.py` scores: a `with` snippet found in the extracted text (whitespace collapsed on both sides) is a true positive, a `without` snippet found is a false positive; counts are pooled over pages. The text scored is the article's `text` as a reader sees it: section headings and paragraphs, in order (SmartReader: `TextContent`).")
            .AppendLine()
            .AppendLine("The extractor's rules were tuned looking only at the *tuning* half (page ids ending in an even hex digit); the *held-out* half was only scored.")
            .AppendLine();

        var splits = new (string Label, Func<SnippetsPageResult, bool> Filter)[]
        {
            ("all", _ => true),
            ("tuning half", p => p.Case.IsTuning),
            ("held-out half", p => !p.Case.IsTuning),
        };
        var header = new List<string> { "Pages" };
        foreach (var e in extractors)
        {
            header.AddRange([$"{e} P", $"{e} R", $"{e} F1"]);
        }

        Table(md, ["Split", .. header], splits.Select(s =>
        {
            var subset = pages.Where(s.Filter).ToList();
            return (string[])[s.Label, subset.Count.ToString(Invariant), .. extractors.SelectMany(e => Prf(subset, e))];
        }));

        md.AppendLine("### By language").AppendLine();
        md.AppendLine(Invariant, $"Language identified from the page's `with` snippets (Pipeline's identifier); languages with fewer than {MinLanguagePages} pages are pooled as *other*.").AppendLine();
        var counts = pages.GroupBy(p => p.Language).ToDictionary(g => g.Key, g => g.Count());
        var byLanguage = pages.GroupBy(p => counts[p.Language] >= MinLanguagePages ? p.Language : "other")
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal);
        Table(md, ["Language", .. header], byLanguage.Select(g => (string[])[g.Key, g.Count().ToString(Invariant), .. extractors.SelectMany(e => Prf(g.ToList(), e))]));

        md.AppendLine("### Speed on the snippet pages").AppendLine();
        md.AppendLine("A second pass over the decompressed pages, single-threaded. Pipeline is the whole HTML normalization (decoding, metadata, related links, extraction, sections); SmartReader is `GetArticle` on the same bytes.").AppendLine();
        Table(md, ["System", "Pages", "MB", "Seconds", "Pages/s"], speeds.Select(s => new[]
        {
            s.Extractor, s.Pages.ToString(Invariant), (s.Bytes / 1e6).ToString("0.0", Invariant), s.Elapsed.TotalSeconds.ToString("0.00", Invariant), s.PagesPerSecond.ToString("0.0", Invariant),
        }));

        md.AppendLine(Invariant, $"### Worst {WorstPageCount} pages for {primary}").AppendLine();
        md.AppendLine("Ranked by errors (snippets missed plus boilerplate leaked), then by page id. *Missed* are article snippets absent from the text, *leaked* boilerplate present in it.").AppendLine();
        var worst = pages.OrderByDescending(p => p.Systems[primary].Score.With - p.Systems[primary].Score.Found + p.Systems[primary].Score.Leaked)
            .ThenBy(p => p.Case.Name, StringComparer.Ordinal).Take(WorstPageCount);
        Table(md, ["Page", "Half", "Lang", "Found", "Leaked", "Missed", "Leaked snippets", "URL"], worst.Select(p =>
        {
            var score = p.Systems[primary].Score;
            return new[]
            {
                p.Case.Name, p.Case.IsTuning ? "tuning" : "held-out", p.Language, $"{score.Found}/{score.With}", $"{score.Leaked}/{score.Without}",
                Escape(string.Join(" · ", p.Missed(primary).Select(s => Truncate(s, 60)))), Escape(string.Join(" · ", p.Leaked(primary).Select(s => Truncate(s, 60)))),
                Escape(Truncate(p.Case.Url.AbsoluteUri, 70)),
            };
        }));
    }

    public static void AppendConsole(StringBuilder text, IReadOnlyList<string> extractors, IReadOnlyList<SnippetsPageResult> pages, IReadOnlyList<SpeedResult> speeds)
    {
        foreach (var (label, filter) in new (string, Func<SnippetsPageResult, bool>)[] { ("all", _ => true), ("tuning", p => p.Case.IsTuning), ("held-out", p => !p.Case.IsTuning) })
        {
            var subset = pages.Where(filter).ToList();
            text.AppendLine(Invariant, $"Snippets {label,-9} {string.Join("   ", extractors.Select(e => $"{e} P/R/F1 {string.Join(" ", Prf(subset, e))}"))}");
        }

        foreach (var speed in speeds)
        {
            text.AppendLine(Invariant, $"Snippets speed {speed.Extractor,-12} {speed.PagesPerSecond,8:0.0} pages/s");
        }
    }

    private static string[] Prf(IReadOnlyList<SnippetsPageResult> pages, string system)
    {
        var totals = SnippetTotals.Pool(pages.Select(p => p.Systems[system].Score));
        return [totals.Precision.ToString("0.000", Invariant), totals.Recall.ToString("0.000", Invariant), totals.F1.ToString("0.000", Invariant)];
    }

    private static void Table(StringBuilder md, IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        md.Append("| ").AppendJoin(" | ", header).AppendLine(" |");
        md.Append('|').AppendJoin('|', header.Select((_, i) => i == 0 ? "---" : "---:")).AppendLine("|");
        foreach (var row in rows)
        {
            md.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        }

        md.AppendLine();
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    private static string Escape(string text) => text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);
}
