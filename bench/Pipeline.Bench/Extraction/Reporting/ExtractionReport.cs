using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Pipeline.Bench.Extraction.Production;
using Pipeline.Bench.Extraction.Scoring;

namespace Pipeline.Bench.Extraction.Reporting;

/// <summary>Renders extraction results as the Markdown report and as a short console summary.</summary>
internal sealed class ExtractionReport(
    IReadOnlyList<string> extractors,
    IReadOnlyList<CaseResult<ReadabilityScore>> readability,
    IReadOnlyList<CaseResult<PostlightScore>> postlight,
    IReadOnlyList<SpeedResult> speeds,
    ProductionResults? production,
    string sharedDirectory,
    (IReadOnlyList<Snippets.SnippetsPageResult> Pages, IReadOnlyList<SpeedResult> Speeds)? snippets = null)
{
    private const int WorstCaseCount = 10;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly string _primary = extractors[0];

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Normalization quality and speed").AppendLine();
        md.AppendLine(Invariant, $"Generated {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC by `dotnet run -c Release --project bench/Pipeline.Bench -- extraction`, ")
            .AppendLine(Invariant, $"on {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical cores.")
            .AppendLine(Invariant, $"Corpora from `{sharedDirectory}` (see `corpora/README.md`). Systems: {string.Join(", ", extractors.Select(e => $"**{e}**"))}; ")
            .AppendLine("SmartReader is the plain library on the same bytes (its own charset detection, `TextContent`, `Title`, `Byline`, `PublicationDate`, `SiteName`).")
            .AppendLine();

        AppendDefinitions(md);
        AppendReadability(md);
        AppendPostlight(md);
        AppendSpeed(md);
        if (snippets is { } snippetResults)
        {
            SnippetsReport.AppendMarkdown(md, extractors, snippetResults.Pages, snippetResults.Speeds);
        }

        if (production is not null)
        {
            ProductionReport.AppendMarkdown(md, production);
        }

        return md.ToString();
    }

    public string ToConsoleSummary()
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"{"Readability (" + readability.Count + " cases)",-34}{string.Join("", extractors.Select(e => $"{e,16}"))}");
        foreach (var (label, value) in ReadabilityRows())
        {
            text.AppendLine(Invariant, $"  {label,-32}{string.Join("", extractors.Select(e => $"{value(e),16}"))}");
        }

        text.AppendLine(Invariant, $"{"Postlight (" + postlight.Count + " cases)",-34}{string.Join("", extractors.Select(e => $"{e,16}"))}");
        foreach (var (label, value) in PostlightRows())
        {
            text.AppendLine(Invariant, $"  {label,-32}{string.Join("", extractors.Select(e => $"{value(e),16}"))}");
        }

        foreach (var speed in speeds)
        {
            text.AppendLine(Invariant, $"Speed {speed.Extractor,-12} {speed.PagesPerSecond,8:0.0} pages/s {speed.MegabytesPerSecond,8:0.00} MB/s ({speed.Pages} pages, {speed.Bytes / 1e6:0.0} MB in {speed.Elapsed.TotalSeconds:0.00} s)");
        }

        if (snippets is { } snippetResults)
        {
            SnippetsReport.AppendConsole(text, extractors, snippetResults.Pages, snippetResults.Speeds);
        }

        if (production is not null)
        {
            ProductionReport.AppendConsole(text, production);
        }

        return text.ToString();
    }

    private static void AppendDefinitions(StringBuilder md)
    {
        md.AppendLine("## How it is scored").AppendLine();
        md.AppendLine("- **Body text (readability):** the text of `expected.html` (inline elements joined, every other element a word break) against the extracted text (Pipeline: section headings and paragraphs; SmartReader: `TextContent`).")
            .AppendLine("  Both are tokenized the same way: lower-cased, split on whitespace, punctuation and symbols trimmed from token ends, each CJK character one token.")
            .AppendLine("  Precision, recall and F1 are bag-of-tokens overlaps (each token counts as often as it occurs on both sides), per case; a failed extraction scores 0.")
            .AppendLine("- **Title, site name:** equal after collapsing whitespace, ignoring case; an empty expected title means the page has none. ")
            .AppendLine("  *Site name ignored* also accepts the expected title without a leading or trailing segment (after ` | `, ` - `, ` – `, ` — `, ` · `) that names the expected site: Readability keeps \" - Breitbart\" or \" | eHow\" in titles, Pipeline removes them by design.")
            .AppendLine("- **Byline / author:** lower-cased, whitespace collapsed, labels stripped (By, Par, 著者, 作者, 文…), name separators (and, et, und, y, &, ;, |, 、) written as commas; correct when either side contains the other. Pipeline's author list is joined with \", \".")
            .AppendLine("- **Published date:** the same instant to the second; values without an offset read as UTC.")
            .AppendLine(Invariant, $"- **Content start (postlight):** with all whitespace removed from both, `contentStartsWith` begins within the first {CaseScorer.ContentStartWindow} characters of the extracted text (Postlight keeps captions that Pipeline may drop, so a strict prefix would be unfair).")
            .AppendLine("- A `null` expectation is not scored; a missing value against a non-null expectation is a miss.")
            .AppendLine();
        md.AppendLine("Where Pipeline differs from Readability's expectations by design (these count as misses above): it removes a site name from a title when the segment names the site the page declares (`og:site_name`, JSON-LD publisher, application name, Twitter account) or its host (the issue asks for it; the *site name ignored* row shows the effect); for authors it ranks OpenGraph `article:author` above Dublin Core, and for titles Twitter cards above the plain `title` meta tag; and it drops comment threads, newsletter boxes and ad labels that Readability sometimes keeps in the article.")
            .AppendLine()
            .AppendLine("Titles read from `<title>` follow Readability's rules: the last separated segment dropped, the colon rule, the only `h1` for a title too short or too long. A page that states no title has none, as in Readability; the stored article is named after its first words at enrichment, which this report does not score.")
            .AppendLine();
    }

    private void AppendReadability(StringBuilder md)
    {
        md.AppendLine(Invariant, $"## Readability corpus ({readability.Count} cases)").AppendLine();
        AppendTable(md, ["Metric", .. extractors], ReadabilityRows().Select(r => (string[])[r.Label, .. extractors.Select(r.Value)]));

        md.AppendLine(Invariant, $"### Worst {WorstCaseCount} cases by {_primary} F1").AppendLine();
        var worst = readability.OrderBy(r => r.Scores[_primary].Text.F1).ThenBy(r => r.CaseName, StringComparer.Ordinal).Take(WorstCaseCount);
        AppendTable(
            md,
            ["Case", $"{_primary} P", $"{_primary} R", $"{_primary} F1", .. extractors.Skip(1).Select(e => $"{e} F1"), "Expected tokens", $"{_primary} tokens", "Note"],
            worst.Select(r =>
            {
                var score = r.Scores[_primary];
                return (string[])[r.CaseName, F(score.Text.Precision), F(score.Text.Recall), F(score.Text.F1), .. extractors.Skip(1).Select(e => F(r.Scores[e].Text.F1)),
                    score.Text.ExpectedTokens.ToString(Invariant), score.Text.ExtractedTokens.ToString(Invariant), Escape(score.Output.Failure ?? string.Empty)];
            }));

        md.AppendLine("<details><summary>All cases</summary>").AppendLine();
        AppendTable(
            md,
            ["Case", .. extractors.Select(e => $"{e} F1"), .. extractors.Select(e => $"{e} title/byline/date/site")],
            readability.Select(r => (string[])[r.CaseName, .. extractors.Select(e => F(r.Scores[e].Text.F1)),
                .. extractors.Select(e => Marks(r.Scores[e].Title, r.Scores[e].Byline, r.Scores[e].Published, r.Scores[e].SiteName))]));
        md.AppendLine("`+` correct, `x` wrong or missing, `·` not scored.").AppendLine();
        AppendMisses(md, readability.Select(r => (r.CaseName, Score: r.Scores[_primary])).SelectMany(r => new[]
        {
            ("title", r.CaseName, r.Score.Title, r.Score.Output.Title),
            ("byline", r.CaseName, r.Score.Byline, r.Score.Output.Byline),
            ("publishedTime", r.CaseName, r.Score.Published, r.Score.Output.Published?.ToString("O", Invariant)),
            ("siteName", r.CaseName, r.Score.SiteName, r.Score.Output.SiteName),
        }));
        md.AppendLine("</details>").AppendLine();
    }

    private void AppendPostlight(StringBuilder md)
    {
        md.AppendLine(Invariant, $"## Postlight corpus ({postlight.Count} cases)").AppendLine();
        AppendTable(md, ["Field", .. extractors], PostlightRows().Select(r => (string[])[r.Label, .. extractors.Select(r.Value)]));

        md.AppendLine("<details><summary>All cases</summary>").AppendLine();
        AppendTable(
            md,
            ["Case", .. extractors.Select(e => $"{e} title/author/date/start")],
            postlight.Select(r => (string[])[r.CaseName, .. extractors.Select(e => Marks(r.Scores[e].Title, r.Scores[e].Author, r.Scores[e].Published, r.Scores[e].ContentStart))]));
        AppendMisses(md, postlight.Select(r => (r.CaseName, Score: r.Scores[_primary])).SelectMany(r => new[]
        {
            ("title", r.CaseName, r.Score.Title, r.Score.Output.Title),
            ("author", r.CaseName, r.Score.Author, r.Score.Output.Byline),
            ("datePublished", r.CaseName, r.Score.Published, r.Score.Output.Published?.ToString("O", Invariant)),
            ("contentStart", r.CaseName, r.Score.ContentStart, Truncate(r.Score.Output.Text, 80)),
        }));
        md.AppendLine("</details>").AppendLine();
    }

    private void AppendSpeed(StringBuilder md)
    {
        md.AppendLine("## HTML extraction speed").AppendLine();
        md.AppendLine("A second pass over every HTML page of both corpora (readability `source.html` and postlight fixtures), single-threaded, timed with a stopwatch; bytes are the undecoded file sizes. Indicative only: the machine is shared.").AppendLine();
        AppendTable(
            md,
            ["System", "Pages", "MB", "Seconds", "Pages/s", "MB/s"],
            speeds.Select(s => new[]
            {
                s.Extractor, s.Pages.ToString(Invariant), (s.Bytes / 1e6).ToString("0.0", Invariant), s.Elapsed.TotalSeconds.ToString("0.00", Invariant),
                s.PagesPerSecond.ToString("0.0", Invariant), s.MegabytesPerSecond.ToString("0.00", Invariant),
            }));
    }

    private IEnumerable<(string Label, Func<string, string> Value)> ReadabilityRows()
    {
        yield return ("Precision, mean", e => F(Statistics.Mean(readability.Select(r => r.Scores[e].Text.Precision))));
        yield return ("Precision, median", e => F(Statistics.Median(readability.Select(r => r.Scores[e].Text.Precision))));
        yield return ("Recall, mean", e => F(Statistics.Mean(readability.Select(r => r.Scores[e].Text.Recall))));
        yield return ("Recall, median", e => F(Statistics.Median(readability.Select(r => r.Scores[e].Text.Recall))));
        yield return ("F1, mean", e => F(Statistics.Mean(readability.Select(r => r.Scores[e].Text.F1))));
        yield return ("F1, median", e => F(Statistics.Median(readability.Select(r => r.Scores[e].Text.F1))));
        yield return ("Title accuracy", e => Accuracy(readability.Select(r => r.Scores[e]), s => s.Title));
        yield return ("Title accuracy, site name ignored", e => Accuracy(readability.Select(r => r.Scores[e]), s => s.TitleIgnoringSiteName));
        yield return ("Byline accuracy", e => Accuracy(readability.Select(r => r.Scores[e]), s => s.Byline));
        yield return ("Published time accuracy", e => Accuracy(readability.Select(r => r.Scores[e]), s => s.Published));
        yield return ("Site name accuracy", e => Accuracy(readability.Select(r => r.Scores[e]), s => s.SiteName));
    }

    private IEnumerable<(string Label, Func<string, string> Value)> PostlightRows()
    {
        yield return ("Title accuracy", e => Accuracy(postlight.Select(r => r.Scores[e]), s => s.Title));
        yield return ("Author accuracy", e => Accuracy(postlight.Select(r => r.Scores[e]), s => s.Author));
        yield return ("Date published accuracy", e => Accuracy(postlight.Select(r => r.Scores[e]), s => s.Published));
        yield return ("Content start accuracy", e => Accuracy(postlight.Select(r => r.Scores[e]), s => s.ContentStart));
    }

    private static void AppendMisses(StringBuilder md, IEnumerable<(string Field, string Case, bool? Correct, string? Extracted)> results)
    {
        var misses = results.Where(r => r.Correct == false).OrderBy(r => r.Field, StringComparer.Ordinal).ToList();
        md.AppendLine(Invariant, $"**Misses of the first system ({misses.Count}):**").AppendLine();
        AppendTable(md, ["Field", "Case", "Extracted"], misses.Select(m => new[] { m.Field, m.Case, Escape(m.Extracted ?? "(none)") }));
    }

    private static void AppendTable(StringBuilder md, IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        md.Append("| ").AppendJoin(" | ", header).AppendLine(" |");
        md.Append('|').AppendJoin('|', header.Select((_, i) => i == 0 ? "---" : "---:")).AppendLine("|");
        foreach (var row in rows)
        {
            md.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        }

        md.AppendLine();
    }

    private static string Accuracy<TScore>(IEnumerable<TScore> scores, Func<TScore, bool?> field)
    {
        var (correct, scored) = Statistics.Accuracy(scores, field);
        return scored == 0 ? "n/a" : string.Create(Invariant, $"{correct}/{scored} ({100.0 * correct / scored:0.0}%)");
    }

    private static string Marks(params bool?[] results) =>
        string.Concat(results.Select(r => r switch { true => "+", false => "x", null => "·" }));

    private static string F(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.0000", Invariant);

    private static string Truncate(string text, int length)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= length ? line : line[..length] + "…";
    }

    private static string Escape(string text) => text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);
}
