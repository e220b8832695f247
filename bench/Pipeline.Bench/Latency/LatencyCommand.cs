using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using Pipeline.Bench.Extraction.Production;
using Pipeline.Core.Related;
using Pipeline.Core.Search;
using Pipeline.Search.Lucene;

namespace Pipeline.Bench.Latency;

/// <summary>
/// <c>latency [--quick] [--articles N,N…] [--index &lt;dir&gt;] [--seconds S] [--clients C] [--queries Q]</c>: for each
/// size (default 1,000, 10,000 and 100,000) indexes that many synthetic articles and times simple, highlighted,
/// filtered + faceted and related requests, plain Lucene BM25 on the same index (the ceiling) and the version lookup of
/// every article; then measures HTTP requests/s on Kestrel at the largest size. <c>--quick</c>: 1,000 and 10,000
/// articles, 200 requests each, no HTTP.
/// </summary>
internal static class LatencyCommand
{
    private const int BatchSize = 5_000;
    private const int WarmUpRequests = 200;

    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "1,000 and 10,000 articles, 200 requests each, no HTTP (unless --seconds)." };
        var shared = BenchCommandLine.SharedOption();
        var output = BenchCommandLine.OutOption("latency.md");
        var articles = new Option<int[]?>("--articles")
        {
            Description = "Index sizes, comma-separated (default 1,000, 10,000 and 100,000; with --quick 1,000 and 10,000).",
            HelpName = "N[,N…]",
            CustomParser = ParseSizes,
        };
        var index = new Option<string?>("--index") { Description = "Where to build the indexes, kept afterwards (default: a temporary folder, deleted).", HelpName = "dir" };
        var seconds = BenchCommandLine.WholeNumberOption("--seconds", "Seconds per HTTP measurement at the largest size; 0 skips HTTP (default 15; with --quick 0).", allowZero: true);
        var clients = BenchCommandLine.WholeNumberOption("--clients", "Concurrent HTTP clients (default 16).");
        var queries = BenchCommandLine.WholeNumberOption("--queries", "Timed requests per query kind (default 1,000; with --quick 200).");
        var command = new Command(
            "latency",
            "For each size, indexes that many synthetic articles made from the BBC corpus and times simple, highlighted, " +
            "filtered + faceted and related requests, plain Lucene BM25 on the same index (the ceiling) and the version " +
            "lookup of every article; then measures HTTP requests/s of GET /api/search on Kestrel at the largest size.")
        {
            quick, shared, output, articles, index, seconds, clients, queries,
        }.WithExamples(
            "Pipeline.Bench latency",
            "Pipeline.Bench latency --quick",
            "Pipeline.Bench latency --articles 100_000 --seconds 30 --clients 32 --index /tmp/latency-index");
        command.SetAction((parsed, cancellationToken) =>
        {
            var isQuick = parsed.GetValue(quick);
            return RunAsync(
                new LatencyOptions(
                    new ReportOptions(parsed.GetValue(shared)!, parsed.GetValue(output)!),
                    isQuick,
                    // An array option left out reads as empty rather than null.
                    parsed.GetValue(articles) is { Length: > 0 } given ? given : isQuick ? [1_000, 10_000] : [1_000, 10_000, 100_000],
                    parsed.GetValue(index),
                    parsed.GetValue(seconds) ?? (isQuick ? 0 : 15),
                    parsed.GetValue(clients) ?? 16,
                    parsed.GetValue(queries) ?? (isQuick ? 200 : 1_000)),
                cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(LatencyOptions latency, CancellationToken cancellationToken = default)
    {
        var (options, quick, sizes, indexRoot, seconds, clients, queryCount) = latency;
        var bbcDirectory = Path.Combine(options.SharedDirectory, "corpora", "bbc");
        if (!Directory.Exists(bbcDirectory))
        {
            Console.Error.WriteLine($"'{bbcDirectory}' not found. Pass --shared <dir> (the folder holding corpora/).");
            return 1;
        }

        var warmUp = quick ? 50 : WarmUpRequests;
        var report = new LatencyReport { Quick = quick, Sizes = sizes, WarmUpRequests = warmUp, LoadAverageBefore = BenchMachine.LoadAverage() };
        var generator = new SyntheticArticles(BbcCorpus.Load(bbcDirectory));
        var keepIndex = indexRoot is not null;
        indexRoot = Path.GetFullPath(indexRoot ?? Path.Combine(Path.GetTempPath(), "pipeline-bench-latency-" + Guid.NewGuid().ToString("N")));
        try
        {
            foreach (var articleCount in sizes)
            {
                var isLargest = articleCount == sizes[^1];
                var indexPath = Path.Combine(indexRoot, articleCount.ToString(CultureInfo.InvariantCulture));
                var result = new SizeResult(articleCount);
                report.Results.Add(result);
                // Every request is ranked afresh: these rows measure the query, not the ranked-page cache in front of it.
                using (var index = new LuceneArticleIndex(Options.Create(new LuceneIndexOptions { IndexPath = indexPath, RankedPageCacheSize = 0 })))
                {
                    result.Indexing = await BuildIndexAsync(index, generator, articleCount, cancellationToken);
                    var segmentsBefore = index.SegmentCount;
                    await index.MergeSegmentsAsync(cancellationToken);
                    result.Segments = (segmentsBefore, index.SegmentCount);
                    result.IndexBytes = Directory.EnumerateFiles(indexPath).Sum(f => new FileInfo(f).Length);

                    var workload = new QueryWorkload(generator.Titles, articleCount);
                    result.Samples.Add(await TimeSearchesAsync(index, "Simple query", "1–3 headline words, top 10, snippets", workload.NextSimple, queryCount, warmUp, cancellationToken));
                    result.Samples.Add(await TimeSearchesAsync(
                        index,
                        "Simple query, highlight=body",
                        "as above, asking for highlighted body fragments (`highlight=body`)",
                        () => workload.NextSimple() with { Highlight = new HighlightRequest([ArticleFieldNames.Body]) },
                        queryCount,
                        warmUp,
                        cancellationToken));
                    result.Samples.Add(await TimeSearchesAsync(
                        index,
                        "Filtered + faceted",
                        "1–3 words; filter `tags/any(t: t eq X) and language eq 'en' and published ge D`; facets tags (10), language (5), published by month",
                        workload.NextFilteredAndFaceted,
                        queryCount,
                        warmUp,
                        cancellationToken));
                    result.Samples.Add(await TimeRelatedAsync(index, workload, queryCount, warmUp, cancellationToken));
                    result.Samples.Add(TimeCeiling(indexPath, new QueryWorkload(generator.Titles, articleCount), queryCount, warmUp));
                    result.Samples.Add(await TimeVersionLookupAsync(index, articleCount, cancellationToken));
                    GC.Collect();
                    result.WorkingSetBytes = Environment.WorkingSet;
                    result.ManagedBytes = GC.GetTotalMemory(forceFullCollection: true);

                    if (isLargest && seconds > 0)
                    {
                        await using var server = await ApiServer.StartAsync(index, cancellationToken);
                        var paths = Enumerable.Range(0, 2_000).Select(_ => "/api/search?q=" + Uri.EscapeDataString(workload.NextQueryText())).ToList();
                        var relatedPaths = Enumerable.Range(0, 2_000).Select(_ => $"/api/articles/{workload.NextArticleId()}/related").ToList();
                        var duration = TimeSpan.FromSeconds(seconds);
                        await HttpLoad.RunAsync("warm-up", server.Address, clients, TimeSpan.FromSeconds(Math.Min(3, seconds)), paths, cancellationToken);
                        foreach (var (name, concurrency, requestPaths) in new[] { ("GET /api/search", 1, paths), ("GET /api/search", clients, paths), ("GET /api/articles/{id}/related", clients, relatedPaths) })
                        {
                            Console.WriteLine($"HTTP {name}, {concurrency} clients, {seconds} s…");
                            var http = await HttpLoad.RunAsync(name, server.Address, concurrency, duration, requestPaths, cancellationToken);
                            Console.WriteLine($"  {http.RequestsPerSecond:N0} requests/s, p50 {http.Latency.Percentile(50):0.0} ms, p99 {http.Latency.Percentile(99):0.0} ms, {http.Failures} failures");
                            report.Http.Add(http);
                        }

                        report.HttpArticleCount = articleCount;
                    }
                }
            }
        }
        finally
        {
            if (!keepIndex && Directory.Exists(indexRoot))
            {
                Directory.Delete(indexRoot, recursive: true);
            }
        }

        report.LoadAverageAfter = BenchMachine.LoadAverage();
        var markdown = report.ToMarkdown();
        Directory.CreateDirectory(Path.GetDirectoryName(options.OutputPath)!);
        await File.WriteAllTextAsync(options.OutputPath, markdown, cancellationToken);
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine($"Report written to {options.OutputPath}");
        return 0;
    }

    private static LatencySample TimeCeiling(string indexPath, QueryWorkload workload, int count, int warmUp)
    {
        Console.WriteLine($"Plain Lucene BM25: {count:N0} requests after {warmUp} to warm up…");
        using var ceiling = new PlainBm25Ceiling(indexPath);
        var sample = new LatencySample("Plain Lucene BM25 (ceiling)", "the simple queries' words as a BM25 OR-query over title and body on the same index, top 10 ids, nothing else");
        for (var i = 0; i < warmUp + count; i++)
        {
            var text = workload.NextQueryText();
            var start = Stopwatch.GetTimestamp();
            ceiling.Search(text);
            if (i >= warmUp)
            {
                sample.Add(start);
            }
        }

        Console.WriteLine($"  p50 {sample.Percentile(50):0.00} ms, p99 {sample.Percentile(99):0.00} ms");
        return sample;
    }

    /// <summary>What a start-up check costs: the version of every article, in one call (as catch-up asks for it).</summary>
    private static async Task<LatencySample> TimeVersionLookupAsync(IArticleIndex index, int count, CancellationToken cancellationToken)
    {
        var ids = Enumerable.Range(0, count).Select(SyntheticArticles.IdOf).ToList();
        var sample = new LatencySample("Versions of all articles", "`GetVersionsAsync` for every indexed id in one call (what catch-up and reconcile ask at start); 3 runs");
        var found = 0;
        for (var i = 0; i < 4; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var versions = await index.GetVersionsAsync(ids, cancellationToken);
            if (i > 0)
            {
                sample.Add(start);
                found = versions.Count;
            }
        }

        sample.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"{found:N0} of {count:N0} found"));
        Console.WriteLine($"Versions of {count:N0} articles: p50 {sample.Percentile(50):0.0} ms");
        return sample;
    }

    private static int[]? ParseSizes(System.CommandLine.Parsing.ArgumentResult result)
    {
        var raw = result.Tokens[0].Value;
        var parsed = new List<int>();
        foreach (var part in raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!BenchCommandLine.TryParseWholeNumber(part, out var size) || size <= 0)
            {
                result.AddError($"--articles takes positive whole numbers separated by commas; got '{raw}'.");
                return null;
            }

            parsed.Add(size);
        }

        if (parsed.Count == 0)
        {
            result.AddError($"--articles takes positive whole numbers separated by commas; got '{raw}'.");
            return null;
        }

        return [.. parsed.Order()];
    }

    private static async Task<IndexingResult> BuildIndexAsync(LuceneArticleIndex index, SyntheticArticles generator, int count, CancellationToken cancellationToken)
    {
        IArticleIndex contract = index;
        var existing = (await contract.SearchAsync(new SearchRequest("*", Top: 0), cancellationToken)).TotalCount ?? 0;
        if (existing > 0 && existing != count)
        {
            throw new InvalidOperationException($"{index.IndexPath} holds {existing:N0} articles, not {count:N0}; remove it or pass another --index.");
        }

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
        IArticleIndex index, string name, string description, Func<SearchRequest> next, int count, int warmUp, CancellationToken cancellationToken)
    {
        Console.WriteLine($"{name}: {count:N0} requests after {warmUp} to warm up…");
        var sample = new LatencySample(name, description);
        long matches = 0;
        int facetRequests = 0, facetsReturned = 0, filterChecks = 0, filterNarrowed = 0;
        for (var i = 0; i < warmUp + count; i++)
        {
            var request = next();
            var start = Stopwatch.GetTimestamp();
            var results = await index.SearchAsync(request, cancellationToken);
            if (i < warmUp)
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

    private static async Task<LatencySample> TimeRelatedAsync(IArticleIndex index, QueryWorkload workload, int count, int warmUp, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Related: {count:N0} requests after {warmUp} to warm up…");
        var related = new RelatedArticlesService(index);
        var sample = new LatencySample("Related", "`RelatedArticlesService.GetAsync` (article + 5 MoreLikeThis neighbours) for a random indexed article");
        var found = 0;
        for (var i = 0; i < warmUp + count; i++)
        {
            var id = workload.NextArticleId();
            var start = Stopwatch.GetTimestamp();
            var result = await related.GetAsync(id, cancellationToken: cancellationToken);
            if (i >= warmUp)
            {
                sample.Add(start);
                found += result?.Similar.Count ?? 0;
            }
        }

        sample.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"mean similar articles returned {found / (double)count:0.0}"));
        Console.WriteLine($"  p50 {sample.Percentile(50):0.00} ms, p99 {sample.Percentile(99):0.00} ms");
        return sample;
    }
}
