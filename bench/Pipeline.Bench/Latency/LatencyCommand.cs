using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using Pipeline.Bench.Extraction.Production;
using Pipeline.Core.Related;
using Pipeline.Core.Search;
using Pipeline.Search.Lucene;

namespace Pipeline.Bench.Latency;

/// <summary>
/// <c>latency [--articles N] [--index &lt;dir&gt;] [--seconds S] [--clients C] [--queries Q]</c>: indexes N synthetic
/// articles, times simple, filtered + faceted and related requests, and measures HTTP requests/s on Kestrel.
/// </summary>
internal static class LatencyCommand
{
    private const int BatchSize = 5_000;
    private const int WarmUpRequests = 200;

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        if (!CommandOptions.TryParse(args, "latency.md", out var options, out var error, "--articles", "--index", "--seconds", "--clients", "--queries") ||
            !TryGetInt(options, "--articles", 100_000, out var articleCount, ref error) ||
            !TryGetInt(options, "--seconds", 15, out var seconds, ref error) ||
            !TryGetInt(options, "--clients", 16, out var clients, ref error) ||
            !TryGetInt(options, "--queries", 1_000, out var queryCount, ref error))
        {
            Console.Error.WriteLine(error + " Usage: latency [--shared <dir>] [--out <file.md>] [--articles N] [--index <dir>] [--seconds S] [--clients C] [--queries Q]");
            return 2;
        }

        var bbcDirectory = Path.Combine(options.SharedDirectory, "corpora", "bbc");
        if (!Directory.Exists(bbcDirectory))
        {
            Console.Error.WriteLine($"'{bbcDirectory}' not found. Pass --shared <dir> (the folder holding corpora/).");
            return 1;
        }

        var report = new LatencyReport { ArticleCount = articleCount, LoadAverageBefore = LoadAverage() };
        var generator = new SyntheticArticles(BbcCorpus.Load(bbcDirectory));
        var keepIndex = options.Extra.TryGetValue("--index", out var indexPath);
        indexPath = Path.GetFullPath(indexPath ?? Path.Combine(Path.GetTempPath(), "pipeline-bench-latency-" + Guid.NewGuid().ToString("N")));
        try
        {
            using (var index = new LuceneArticleIndex(Options.Create(new LuceneIndexOptions { IndexPath = indexPath })))
            {
                report.Indexing = await BuildIndexAsync(index, generator, articleCount, cancellationToken);
                report.IndexBytes = Directory.EnumerateFiles(indexPath).Sum(f => new FileInfo(f).Length);

                var workload = new QueryWorkload(generator.Titles, articleCount);
                report.Samples.Add(await TimeSearchesAsync(index, "Simple query", "1–3 headline words, top 10, snippets", workload.NextSimple, queryCount, cancellationToken));
                report.Samples.Add(await TimeSearchesAsync(
                    index,
                    "Filtered + faceted",
                    "1–3 words; filter `tags/any(t: t eq X) and language eq 'en' and published ge D`; facets tags (10), language (5), published by month",
                    workload.NextFilteredAndFaceted,
                    queryCount,
                    cancellationToken));
                report.Samples.Add(await TimeRelatedAsync(index, workload, queryCount, cancellationToken));

                await using var server = await ApiServer.StartAsync(index, cancellationToken);
                var paths = Enumerable.Range(0, 2_000).Select(_ => "/api/search?q=" + Uri.EscapeDataString(workload.NextQueryText())).ToList();
                var relatedPaths = Enumerable.Range(0, 2_000).Select(_ => $"/api/articles/{workload.NextArticleId()}/related").ToList();
                var duration = TimeSpan.FromSeconds(seconds);
                await HttpLoad.RunAsync("warm-up", server.Address, clients, TimeSpan.FromSeconds(Math.Min(3, seconds)), paths, cancellationToken);
                foreach (var (name, concurrency, requestPaths) in new[] { ("GET /api/search", 1, paths), ("GET /api/search", clients, paths), ("GET /api/articles/{id}/related", clients, relatedPaths) })
                {
                    Console.WriteLine($"HTTP {name}, {concurrency} clients, {seconds} s…");
                    var result = await HttpLoad.RunAsync(name, server.Address, concurrency, duration, requestPaths, cancellationToken);
                    Console.WriteLine($"  {result.RequestsPerSecond:N0} requests/s, p50 {result.Latency.Percentile(50):0.0} ms, p99 {result.Latency.Percentile(99):0.0} ms, {result.Failures} failures");
                    report.Http.Add(result);
                }
            }
        }
        finally
        {
            if (!keepIndex && Directory.Exists(indexPath))
            {
                Directory.Delete(indexPath, recursive: true);
            }
        }

        report.LoadAverageAfter = LoadAverage();
        var markdown = report.ToMarkdown();
        Directory.CreateDirectory(Path.GetDirectoryName(options.OutputPath)!);
        await File.WriteAllTextAsync(options.OutputPath, markdown, cancellationToken);
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine($"Report written to {options.OutputPath}");
        return 0;
    }

    private static async Task<IndexingResult> BuildIndexAsync(LuceneArticleIndex index, SyntheticArticles generator, int count, CancellationToken cancellationToken)
    {
        IArticleIndex contract = index;
        var existing = (await contract.SearchAsync(new SearchRequest("*", Top: 0), cancellationToken)).TotalCount ?? 0;
        if (existing == count)
        {
            Console.WriteLine($"Reusing the {count:N0} articles already in {index.IndexPath}");
            return new IndexingResult(count, TimeSpan.Zero, Reused: true);
        }

        Console.WriteLine($"Indexing {count:N0} articles from {generator.StoryCount:N0} BBC stories into {index.IndexPath}, {BatchSize:N0} per commit");
        var stopwatch = Stopwatch.StartNew();
        for (var start = 0; start < count; start += BatchSize)
        {
            var size = Math.Min(BatchSize, count - start);
            await index.UpsertManyAsync(Enumerable.Range(start, size).Select(generator.Create), cancellationToken);
            var done = start + size;
            Console.WriteLine($"  {done,9:N0} / {count:N0}  {stopwatch.Elapsed:mm\\:ss}  {done / stopwatch.Elapsed.TotalSeconds:N0} articles/s");
        }

        return new IndexingResult(count, stopwatch.Elapsed, Reused: false);
    }

    private static async Task<LatencySample> TimeSearchesAsync(
        IArticleIndex index, string name, string description, Func<SearchRequest> next, int count, CancellationToken cancellationToken)
    {
        Console.WriteLine($"{name}: {count:N0} requests after {WarmUpRequests} to warm up…");
        var sample = new LatencySample(name, description);
        long matches = 0;
        int facetRequests = 0, facetsReturned = 0, filterChecks = 0, filterNarrowed = 0;
        for (var i = 0; i < WarmUpRequests + count; i++)
        {
            var request = next();
            var start = Stopwatch.GetTimestamp();
            var results = await index.SearchAsync(request, cancellationToken);
            if (i < WarmUpRequests)
            {
                continue;
            }

            sample.Add(start);
            matches += results.TotalCount ?? 0;
            if (request.Facets.Count > 0)
            {
                facetRequests++;
                facetsReturned += results.Facets.Count > 0 ? 1 : 0;
            }

            // Untimed: whether the filter took effect, from the same query without it (a backend may not support filters yet).
            if (request.Filter is not null && filterChecks < 50)
            {
                filterChecks++;
                var unfiltered = await index.SearchAsync(request with { Filter = null, Facets = [] }, cancellationToken);
                filterNarrowed += unfiltered.TotalCount > results.TotalCount ? 1 : 0;
            }
        }

        sample.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"mean matches per query {matches / (double)count:N0}"));
        if (filterChecks > 0)
        {
            sample.Notes.Add(filterNarrowed == 0
                ? $"**the filter had no effect** in {filterChecks} checked requests: this index build ignores filters"
                : $"the filter narrowed the matches in {filterNarrowed} of {filterChecks} checked requests");
        }

        if (facetRequests > 0)
        {
            sample.Notes.Add(facetsReturned == 0
                ? "**no facets came back**: this index build does not compute them"
                : $"facets came back for {facetsReturned} of {facetRequests} requests");
        }

        Console.WriteLine($"  p50 {sample.Percentile(50):0.00} ms, p99 {sample.Percentile(99):0.00} ms; {string.Join("; ", sample.Notes)}");
        return sample;
    }

    private static async Task<LatencySample> TimeRelatedAsync(IArticleIndex index, QueryWorkload workload, int count, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Related: {count:N0} requests after {WarmUpRequests} to warm up…");
        var related = new RelatedArticlesService(index);
        var sample = new LatencySample("Related", "`RelatedArticlesService.GetAsync` (article + 5 MoreLikeThis neighbours) for a random indexed article");
        var found = 0;
        for (var i = 0; i < WarmUpRequests + count; i++)
        {
            var id = workload.NextArticleId();
            var start = Stopwatch.GetTimestamp();
            var result = await related.GetAsync(id, cancellationToken: cancellationToken);
            if (i >= WarmUpRequests)
            {
                sample.Add(start);
                found += result?.Similar.Count ?? 0;
            }
        }

        sample.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"mean similar articles returned {found / (double)count:0.0}"));
        Console.WriteLine($"  p50 {sample.Percentile(50):0.00} ms, p99 {sample.Percentile(99):0.00} ms");
        return sample;
    }

    private static bool TryGetInt(CommandOptions options, string name, int defaultValue, out int value, ref string? error)
    {
        value = defaultValue;
        if (!options.Extra.TryGetValue(name, out var raw))
        {
            return true;
        }

        if (int.TryParse(raw.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value > 0)
        {
            return true;
        }

        error = $"{name} must be a positive whole number; got '{raw}'.";
        return false;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
