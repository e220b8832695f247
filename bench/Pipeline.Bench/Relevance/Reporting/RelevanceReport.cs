using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Pipeline.Bench.Relevance.Scoring;

namespace Pipeline.Bench.Relevance.Reporting;

/// <summary>Renders relevance results as Markdown; notes written by hand below <see cref="HandWrittenMarker"/> are kept.</summary>
internal sealed class RelevanceReport(IReadOnlyList<CollectionResult> results, string irDirectory, TimeSpan elapsed)
{
    public const string HandWrittenMarker = "<!-- Everything below this line is written by hand and kept when the report is regenerated. -->";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private IReadOnlyList<string> SystemNames => results[0].Systems.Select(s => s.System).ToList();

    public string ToMarkdown(string? previousReport)
    {
        var md = new StringBuilder();
        md.AppendLine("# Relevance on the classic IR collections").AppendLine();
        md.AppendLine(Invariant, $"Generated {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC by `dotnet run -c Release --project bench/Pipeline.Bench -- relevance` ")
            .AppendLine(Invariant, $"in {elapsed.TotalSeconds:0} s, on {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical cores.")
            .AppendLine(Invariant, $"Collections from `{irDirectory}` (see its `README.md`).")
            .AppendLine();

        AppendTable(md);
        AppendMethod(md);
        AppendSpeed(md);

        md.AppendLine(HandWrittenMarker);
        var marker = previousReport?.IndexOf(HandWrittenMarker, StringComparison.Ordinal) ?? -1;
        md.Append(marker >= 0 ? previousReport![(marker + HandWrittenMarker.Length)..].TrimEnd() + "\n" : "\n");
        return md.ToString();
    }

    public string ToConsoleSummary()
    {
        var text = new StringBuilder();
        foreach (var system in SystemNames)
        {
            text.AppendLine(Invariant, $"{system}");
            foreach (var result in results)
            {
                var scores = result.Systems.Single(s => s.System == system);
                text.AppendLine(Invariant, $"  {result.Collection,-10} nDCG@10 {scores.NdcgAt10:0.0000}  MAP@100 {scores.Map:0.0000}  R@100 {scores.RecallAt100:0.0000}");
            }

            var (ndcg, map, recall) = Means(system);
            text.AppendLine(Invariant, $"  {"mean",-10} nDCG@10 {ndcg:0.0000}  MAP@100 {map:0.0000}  R@100 {recall:0.0000}");
        }

        return text.ToString();
    }

    private void AppendTable(StringBuilder md)
    {
        var systems = SystemNames;
        md.Append("| Collection | Docs | Queries |");
        foreach (var metric in new[] { "nDCG@10", "MAP@100", "Recall@100" })
        {
            foreach (var system in systems)
            {
                md.Append(Invariant, $" {metric} {system} |");
            }
        }

        md.AppendLine().Append("|---|---:|---:|").AppendLine(string.Concat(Enumerable.Repeat("---:|", 3 * systems.Count)));
        foreach (var result in results)
        {
            md.Append(Invariant, $"| {result.Collection}{(result.IsGraded ? " (graded)" : string.Empty)} | {result.Documents:N0} | {result.JudgedQueries} |");
            AppendCells(md, systems.Select(s => result.Systems.Single(x => x.System == s)).ToList());
            md.AppendLine();
        }

        md.Append("| **Mean of collections** | | |");
        foreach (var metric in new Func<(double Ndcg, double Map, double Recall), double>[] { m => m.Ndcg, m => m.Map, m => m.Recall })
        {
            foreach (var system in systems)
            {
                md.Append(Invariant, $" **{metric(Means(system)):0.0000}** |");
            }
        }

        md.AppendLine().AppendLine();
    }

    private static void AppendCells(StringBuilder md, IReadOnlyList<SystemScores> scores)
    {
        foreach (var metric in new Func<SystemScores, double>[] { s => s.NdcgAt10, s => s.Map, s => s.RecallAt100 })
        {
            var best = scores.Max(metric);
            foreach (var score in scores)
            {
                var value = metric(score).ToString("0.0000", Invariant);
                md.Append(Invariant, $" {(metric(score) == best && scores.Count > 1 ? $"**{value}**" : value)} |");
            }
        }
    }

    private (double Ndcg, double Map, double Recall) Means(string system)
    {
        var scores = results.Select(r => r.Systems.Single(s => s.System == system)).ToList();
        return (scores.Average(s => s.NdcgAt10), scores.Average(s => s.Map), scores.Average(s => s.RecallAt100));
    }

    private void AppendMethod(StringBuilder md)
    {
        md.AppendLine("## How it is computed").AppendLine();
        md.AppendLine("""
            - **Pipeline**: every document becomes an `Article` (the collection's title field as `Title` when it has one, CISI and Cranfield; otherwise an empty title and all text in `Body`, TIME and MED; authors from `.A`) and is indexed by `LuceneArticleIndex` in a temporary folder, with the product's analysis, fields and boosts (through `UpsertManyAsync`: the same documents `UpsertAsync` writes, one commit per collection). Each query runs through `IArticleIndex.SearchAsync` as a simple-syntax `SearchRequest` (`Top = 100`, search mode *any*) whose text is the collection's query with quotes and leading `+`/`-` and trailing `*` removed, so it is plain words. The simple parser keeps the first 64 words of a query (`SimpleQueryParser.MaxClauses`), which cuts some of CISI's long, document-like queries.
            - **Lucene BM25 defaults** (baseline, same run, same documents): one field holding title and body, `StandardAnalyzer` (Lucene 4.8 defaults: standard tokenizer, lowercase, Lucene's 33 English stop words, no stemming), `BM25Similarity()` (k1 = 1.2, b = 0.75), the classic `QueryParser` (default OR) over `QueryParserBase.Escape` of the lower-cased query (lower-cased so TIME's upper-case AND/OR/NOT stay words), top 100.
            - Only queries with at least one relevant document are scored; each metric is the mean over them, and the last row is the unweighted mean of the four collections.
            - **nDCG@10**: linear gains, log2(rank + 1) discount, ideal ranking from all judged documents (trec_eval `ndcg_cut.10`). Binary judgments give gain 1; Cranfield's graded codes give gains as stated below.
            - **MAP@100**: average precision over the top 100 (a relevant document not retrieved in the top 100 adds 0; the divisor is all relevant documents), averaged over queries.
            - **Recall@100**: relevant documents in the top 100 over all relevant documents.
            """);
        md.AppendLine("Judgments per collection:").AppendLine();
        foreach (var result in results)
        {
            md.AppendLine(Invariant, $"- {result.Collection}: {result.JudgmentsDescription}.");
        }

        md.AppendLine();
    }

    private void AppendSpeed(StringBuilder md)
    {
        md.AppendLine("## Time taken (not a latency benchmark; see latency.md)").AppendLine();
        md.Append("| Collection |").AppendJoin("", SystemNames.Select(s => $" {s} index | {s} all queries |")).AppendLine();
        md.Append("|---|").AppendLine(string.Concat(Enumerable.Repeat("---:|", 2 * SystemNames.Count)));
        foreach (var result in results)
        {
            md.Append(Invariant, $"| {result.Collection} |");
            foreach (var scores in result.Systems)
            {
                md.Append(Invariant, $" {scores.IndexTime.TotalMilliseconds:N0} ms | {scores.QueryTime.TotalMilliseconds:N0} ms |");
            }

            md.AppendLine();
        }

        md.AppendLine();
    }
}
