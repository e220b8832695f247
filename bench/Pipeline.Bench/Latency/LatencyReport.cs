using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Pipeline.Bench.Latency;

internal sealed record IndexingResult(int Articles, TimeSpan Elapsed, bool Reused);

/// <summary>What was measured at one index size.</summary>
internal sealed class SizeResult(int articleCount)
{
    public int ArticleCount { get; } = articleCount;

    public IndexingResult? Indexing { get; set; }

    public long IndexBytes { get; set; }

    /// <summary>Segments before and after the merge the index makes once writes stop.</summary>
    public (int Before, int After) Segments { get; set; }

    public List<LatencySample> Samples { get; } = [];

    /// <summary>The benchmark process's working set after the requests, with the index open.</summary>
    public long WorkingSetBytes { get; set; }

    public long ManagedBytes { get; set; }
}

/// <summary>Renders the latency results as Markdown.</summary>
internal sealed class LatencyReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public bool Quick { get; init; }

    public IReadOnlyList<int> Sizes { get; init; } = [];

    public int WarmUpRequests { get; init; }

    public string LoadAverageBefore { get; init; } = "unknown";

    public string LoadAverageAfter { get; set; } = "unknown";

    public List<SizeResult> Results { get; } = [];

    public int HttpArticleCount { get; set; }

    public List<HttpLoadResult> Http { get; } = [];

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        var arguments = (Quick ? " --quick" : string.Empty) + string.Create(Invariant, $" --articles {string.Join(',', Sizes)}");
        md.AppendLine("# Search latency and throughput").AppendLine();
        md.AppendLine(Invariant, $"Generated {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC by `dotnet run -c Release --project bench/Pipeline.Bench -- latency{arguments}`, ")
            .AppendLine(Invariant, $"on {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical cores, server GC {System.Runtime.GCSettings.IsServerGC}.")
            .AppendLine(Invariant, $"Load average (1, 5, 15 min) before: {LoadAverageBefore}; after: {LoadAverageAfter}. The cores are shared with other work, so a load above 2 means the numbers are pessimistic.")
            .AppendLine();

        md.AppendLine("Articles are synthetic, made from the 2,225 BBC stories (`SyntheticArticles`: the first 2,225 are the stories as they are; later ones pair each story with another of its category, mixing their headlines and paragraphs; tags are the category plus one or two of eight topics, 80 % English and four other language codes, four sources, 400 author names, publication dates over 2004–2005). Indexing uses `LuceneArticleIndex.UpsertManyAsync`, 5,000 articles per call.").AppendLine();

        md.AppendLine("## How each cost grows (p50 ms)").AppendLine();
        var kinds = Results.SelectMany(r => r.Samples.Select(s => s.Name)).Distinct().ToList();
        md.AppendLine("| Request | " + string.Join(" | ", Results.Select(r => string.Create(Invariant, $"{r.ArticleCount:N0}"))) + " |");
        md.AppendLine("|---|" + string.Concat(Results.Select(_ => "---:|")));
        foreach (var kind in kinds)
        {
            md.AppendLine(Invariant, $"| {kind} | {string.Join(" | ", Results.Select(r => r.Samples.FirstOrDefault(s => s.Name == kind) is { } s ? s.Percentile(50).ToString("0.00", Invariant) : "–"))} |");
        }

        md.AppendLine(Invariant, $"| Index size on disk, MiB | {string.Join(" | ", Results.Select(r => (r.IndexBytes / 1024.0 / 1024.0).ToString("N0", Invariant)))} |");
        md.AppendLine(Invariant, $"| Bench process working set after the requests, MiB | {string.Join(" | ", Results.Select(r => (r.WorkingSetBytes / 1024.0 / 1024.0).ToString("N0", Invariant)))} |");
        md.AppendLine(Invariant, $"| Managed heap after a full GC, MiB | {string.Join(" | ", Results.Select(r => (r.ManagedBytes / 1024.0 / 1024.0).ToString("N0", Invariant)))} |");
        md.AppendLine();

        foreach (var result in Results)
        {
            md.AppendLine(Invariant, $"## {result.ArticleCount:N0} articles").AppendLine();
            if (result.Indexing is { } indexing)
            {
                md.AppendLine(indexing.Reused
                    ? "Indexing: reused an existing index folder (`--index`), not timed in this run."
                    : string.Create(Invariant, $"Indexing: **{indexing.Elapsed:h\\:mm\\:ss}** ({indexing.Articles / Math.Max(0.001, indexing.Elapsed.TotalSeconds):N0} articles/s)."));
                md.AppendLine(Invariant, $" Segments: {result.Segments.Before} after indexing, {result.Segments.After} after the merge the index makes once writes stop (`MergeSegmentsAsync`, what the host does after `Pipeline:Lucene:IdleMergeAfter`), before the requests were timed.");
                md.AppendLine();
            }

            md.AppendLine("| Request | Count | p50 ms | p90 ms | p99 ms | max ms | mean ms | What it does | Notes |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|---|");
            foreach (var sample in result.Samples)
            {
                md.AppendLine(Invariant, $"| {sample.Name} | {sample.Count:N0} | {sample.Percentile(50):0.00} | {sample.Percentile(90):0.00} | {sample.Percentile(99):0.00} | {sample.Percentile(100):0.00} | {sample.Mean:0.00} | {sample.Description} | {string.Join("; ", sample.Notes)} |");
            }

            md.AppendLine();
        }

        md.AppendLine(Invariant, $"In-process requests go one at a time through `IArticleIndex`. Each kind runs {WarmUpRequests} requests first to warm up (JIT, caches), which are not counted. Query words are drawn from the BBC headlines without stop words (1–3 per query); the simple and filtered requests ask for the default 10 hits with snippets.").AppendLine();

        if (Http.Count > 0)
        {
            md.AppendLine(Invariant, $"## HTTP throughput at {HttpArticleCount:N0} articles (Kestrel, in-process, loopback)").AppendLine();
            md.AppendLine("| Endpoint | Clients | Duration s | Requests/s | p50 ms | p99 ms | Failures |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var http in Http)
            {
                md.AppendLine(Invariant, $"| `{http.Name}` | {http.Clients} | {http.Duration.TotalSeconds:0.0} | **{http.RequestsPerSecond:N0}** | {http.Latency.Percentile(50):0.0} | {http.Latency.Percentile(99):0.0} | {http.Failures} |");
            }

            md.AppendLine().AppendLine("""
                The API runs as the local host serves it (`AddPipelineApi` + `MapPipelineApi` over the same `LuceneArticleIndex`, logging off) on Kestrel at a loopback port. Each client is its own `HttpClient` with one connection, sending the next request when the previous response has been read (closed loop), for the stated time after a short warm-up. `GET /api/search?q=…` uses 1–3 headline words (default top 10, with snippets); related uses random article ids. The load generator runs in the same process and on the same 2 cores as the server, so requests/s is a lower bound of what the server alone would sustain.
                """);
        }

        return md.ToString();
    }
}
