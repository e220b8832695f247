using System.Globalization;
using System.Text;
using Pipeline.Bench.Extraction.Production;

namespace Pipeline.Bench.Extraction.Reporting;

/// <summary>Renders the production-normalizer sections: BBC plain text, the seed sample, and speed per format.</summary>
internal static class ProductionReport
{
    private const int ListedProblems = 20;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void AppendMarkdown(StringBuilder md, ProductionResults results)
    {
        var bbc = results.Bbc;
        md.AppendLine("## BBC plain text (production normalizer)").AppendLine();
        md.AppendLine("Every file of `corpora/bbc` (README.TXT skipped) through the routing `IArticleNormalizer` from `AddPipelineCore()`, as ingest runs it (format detected from content). ")
            .AppendLine("The expected title is the file's first line, decoded independently (UTF-8, or ISO-8859-1 when the bytes are not valid UTF-8), compared ordinally.")
            .AppendLine();
        md.AppendLine("| Check | Result |").AppendLine("|---|---:|");
        md.AppendLine(Invariant, $"| Files normalized | {bbc.Normalized}/{bbc.Files} |");
        md.AppendLine(Invariant, $"| Titles equal to line 1 exactly | {bbc.TitlesExact}/{bbc.Files} |");
        md.AppendLine(Invariant, $"| Files containing '£': source / output | {bbc.FilesWithPoundInSource} / {bbc.FilesWithPoundInOutput} |");
        md.AppendLine(Invariant, $"| ISO-8859-1 file `{bbc.Latin1File.Name}` keeps '£' | {(bbc.Latin1File.PoundIntact ? "yes" : "no")}{(bbc.Latin1File.Excerpt is { } excerpt ? $" (“…{Escape(excerpt)}…”)" : string.Empty)} |");
        md.AppendLine();
        if (bbc.Problems.Count > 0)
        {
            md.AppendLine(Invariant, $"Problems ({bbc.Problems.Count}, first {Math.Min(ListedProblems, bbc.Problems.Count)}):").AppendLine();
            md.AppendLine("| File | Problem |").AppendLine("|---|---|");
            foreach (var (file, problem) in bbc.Problems.Take(ListedProblems))
            {
                md.AppendLine(Invariant, $"| {file} | {Escape(problem)} |");
            }

            md.AppendLine();
        }

        md.AppendLine("## Seed sample (production normalizer)").AppendLine();
        md.AppendLine("`samples/ukraine-peace-talks.txt`, scraped text with page chrome. Chrome checks look at every rendered line: title, headings, paragraphs and related headlines.").AppendLine();
        md.AppendLine("| Check | Expected | Actual | Result |").AppendLine("|---|---|---|---|");
        foreach (var check in results.Seed)
        {
            md.AppendLine(Invariant, $"| {Escape(check.Name)} | {Escape(check.Expected)} | {Escape(check.Actual)} | {(check.Passed ? "pass" : "**fail**")} |");
        }

        md.AppendLine();
        md.AppendLine("## Speed per format (production normalizer)").AppendLine();
        md.AppendLine("The routing normalizer over each input set, single-threaded: one warm-up pass (normalize and enrich), then a timed pass that only normalizes and a timed pass that normalizes and enriches. ")
            .AppendLine("Bytes are the undecoded input sizes. **There is no Markdown or JSON corpus:** those inputs are generated deterministically from the BBC files ")
            .AppendLine("(Markdown: YAML front matter with title, author, date, tags, then the body; JSON: one object with title, author, date, url, tags, body), so they carry the same stories as the plain-text row. Indicative only: the machine is shared.")
            .AppendLine();
        md.AppendLine("| Format | Inputs | Pages | MB | Normalize pages/s | Normalize MB/s | Normalize + enrich pages/s | Normalize + enrich MB/s |")
            .AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var speed in results.Speeds)
        {
            md.AppendLine(Invariant, $"| {speed.Format} | {speed.Source} | {speed.Pages} | {speed.Bytes / 1e6:0.0} | {speed.PagesPerSecond(speed.Normalization):0.0} | {speed.MegabytesPerSecond(speed.Normalization):0.00} | {speed.PagesPerSecond(speed.NormalizationAndEnrichment):0.0} | {speed.MegabytesPerSecond(speed.NormalizationAndEnrichment):0.00} |");
        }

        md.AppendLine();
    }

    public static void AppendConsole(StringBuilder text, ProductionResults results)
    {
        var bbc = results.Bbc;
        text.AppendLine(Invariant, $"BBC: {bbc.Normalized}/{bbc.Files} normalized, {bbc.TitlesExact}/{bbc.Files} titles exact, '£' in {bbc.FilesWithPoundInSource} sources / {bbc.FilesWithPoundInOutput} outputs, {bbc.Latin1File.Name} '£' {(bbc.Latin1File.PoundIntact ? "intact" : "LOST")}");
        text.AppendLine(Invariant, $"Seed: {results.Seed.Count(c => c.Passed)}/{results.Seed.Count} checks pass");
        foreach (var check in results.Seed.Where(c => !c.Passed))
        {
            text.AppendLine(Invariant, $"  FAIL {check.Name}: expected {check.Expected}, got {check.Actual}");
        }

        foreach (var speed in results.Speeds)
        {
            text.AppendLine(Invariant, $"Speed {speed.Format,-10} {speed.PagesPerSecond(speed.Normalization),8:0.0} pages/s {speed.MegabytesPerSecond(speed.Normalization),7:0.00} MB/s normalize; {speed.PagesPerSecond(speed.NormalizationAndEnrichment),8:0.0} pages/s {speed.MegabytesPerSecond(speed.NormalizationAndEnrichment),7:0.00} MB/s with enrichment ({speed.Pages} pages, {speed.Bytes / 1e6:0.0} MB)");
        }
    }

    private static string Escape(string text) => text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);
}
