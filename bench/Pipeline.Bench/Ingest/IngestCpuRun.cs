using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pipeline.Bench.Extraction.Production;
using Pipeline.Core;
using Pipeline.Core.Articles;
using Pipeline.Core.Enrichment;
using Pipeline.Core.Normalization;
using Pipeline.Core.Serialization;
using Pipeline.LocalHost.Azurite;
using Pipeline.LocalHost.Changes;
using Pipeline.Search.Lucene;

namespace Pipeline.Bench.Ingest;

/// <param name="Concurrency">Ingest workers of the end-to-end passes; the local host's default is 4.</param>
internal sealed record IngestCpuOptions(string Shared, int? Articles, IReadOnlyList<int> Concurrency, bool Azurite, bool ConsoleLog, bool Host, bool Stages = true, bool HostOnly = false);

/// <summary>
/// One run of <c>ingest-cpu</c>: each ingest stage over the BBC stories on its own, then whole ingests (download →
/// normalize → enrich → index read → JSON write → index write) through <see cref="Core.Ingestion.Sources.SourceBlobIngestor"/>,
/// on in-memory stores and on Azurite, with the CPU this process and Azurite used per article.
/// </summary>
internal sealed class IngestCpuRun(IngestCpuOptions options, DirectoryInfo work)
{
    private AzuriteProcess? _azurite;

    public static void Progress(string message) => Console.Error.WriteLine(message);

    public async Task<IReadOnlyList<StageCost>> RunAsync(IReadOnlyList<BbcFile> files, CancellationToken cancellationToken)
    {
        var sources = files.Take(options.Articles ?? files.Count)
            .Select(file => new SourceDocument($"bbc/{file.RelativeName}", file.Bytes, "text/plain", "\"0x8DD0000000000001\"", DateTimeOffset.UtcNow))
            .ToList();
        var meter = new StageMeter(() => _azurite?.ProcessId, Progress);
        try
        {
            if (options.HostOnly)
            {
                _azurite = await StartAzuriteAsync(cancellationToken);
                await new HostPass(_azurite.ConnectionString, work).MeasureAsync(meter, sources, cancellationToken);
                return meter.Results;
            }

            var articles = options.Stages
                ? await MeasureInProcessAsync(meter, sources, cancellationToken)
                : await MeasureInProcessAsync(new StageMeter(() => null, _ => { }), sources, cancellationToken);
            if (options.Azurite)
            {
                _azurite = await StartAzuriteAsync(cancellationToken);
                await MeasureStorageAsync(meter, sources, articles, cancellationToken);
                if (options.Host)
                {
                    await new HostPass(_azurite.ConnectionString, work).MeasureAsync(meter, sources, cancellationToken);
                }
            }

            await MeasureEndToEndAsync(meter, sources, cancellationToken);
            return meter.Results;
        }
        finally
        {
            if (_azurite is not null)
            {
                await _azurite.DisposeAsync();
            }
        }
    }

    private async Task<AzuriteProcess> StartAzuriteAsync(CancellationToken cancellationToken)
    {
        Progress($"Starting Azurite in {work.FullName}…");
        return await AzuriteProcess.StartAsync(
            new AzuriteStartOptions { Location = Path.Combine(work.FullName, "azurite"), UseFreePorts = true, StartTimeout = TimeSpan.FromMinutes(2) },
            cancellationToken);
    }

    /// <summary>The stages of one ingest that need no storage, one after the other on one thread.</summary>
    private async Task<List<Article>> MeasureInProcessAsync(StageMeter meter, List<SourceDocument> sources, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection().AddSingleton(typeof(ILogger<>), typeof(NullLogger<>)).AddPipelineCore().BuildServiceProvider();
        await using var disposeServices = services;
        var normalizer = services.GetRequiredService<IArticleNormalizer>();
        var enricher = services.GetRequiredService<ArticleEnricher>();

        // A whole unmeasured round first: tiered JIT recompiles hot code for a while, and that is not a stage's cost.
        Progress("Warm-up round…");
        _ = await MeasureStagesAsync(new StageMeter(() => null, _ => { }), sources, normalizer, enricher, "warm", cancellationToken);
        return await MeasureStagesAsync(meter, sources, normalizer, enricher, "stages", cancellationToken);
    }

    private async Task<List<Article>> MeasureStagesAsync(
        StageMeter meter, List<SourceDocument> sources, IArticleNormalizer normalizer, ArticleEnricher enricher, string indexName, CancellationToken cancellationToken)
    {
        var normalized = new IReadOnlyList<NormalizedArticle>[sources.Count];
        await meter.MeasureAsync("normalize (detect format, plain text)", sources.Count, () =>
        {
            for (var i = 0; i < sources.Count; i++)
            {
                normalized[i] = normalizer.Normalize(sources[i]);
            }

            return Task.CompletedTask;
        });

        var articles = new List<Article>(sources.Count);
        await meter.MeasureAsync("enrich (language, summary, keyphrases, hashes)", sources.Count, () =>
        {
            for (var i = 0; i < sources.Count; i++)
            {
                articles.AddRange(normalized[i].Select((article, part) => enricher.Enrich(article, sources[i], part)));
            }

            return Task.CompletedTask;
        });

        long bytes = 0;
        await meter.MeasureAsync("JSON, indented UTF-8 (the normalized blob)", articles.Count, () =>
        {
            foreach (var article in articles)
            {
                bytes += JsonSerializer.SerializeToUtf8Bytes(article, PipelineJson.Indented).Length;
            }

            return Task.CompletedTask;
        });
        Progress($"  {bytes / articles.Count:N0} bytes of JSON per article");

        await meter.MeasureAsync("JSON, compact string (stored in the index)", articles.Count, () =>
        {
            foreach (var article in articles)
            {
                _ = JsonSerializer.Serialize(article, PipelineJson.Options);
            }

            return Task.CompletedTask;
        });

        await using (var index = OpenIndex(indexName))
        {
            await meter.MeasureAsync("index read by id, absent (a new blob's version check)", articles.Count, async () =>
            {
                foreach (var article in articles)
                {
                    _ = await index.GetAsync(article.Id, cancellationToken);
                }
            });

            await meter.MeasureAsync("Lucene upsert (build, analyze, term vectors) + commit", articles.Count, async () =>
            {
                foreach (var article in articles)
                {
                    await index.UpsertAsync(article, cancellationToken);
                }

                await index.CommitAsync(cancellationToken);
                await index.RefreshAsync(cancellationToken);
            });

            await meter.MeasureAsync("index read by id, present (a re-upload's version check)", articles.Count, async () =>
            {
                foreach (var article in articles)
                {
                    _ = await index.GetAsync(article.Id, cancellationToken);
                }
            });

            await meter.MeasureAsync("index version lookup by id, present (GetVersionsAsync)", articles.Count, async () =>
            {
                foreach (var article in articles)
                {
                    _ = await index.GetVersionsAsync([article.Id], cancellationToken);
                }
            });
        }

        return articles;
    }

    /// <summary>Each storage request of an ingest on its own, one at a time, with Azurite's CPU.</summary>
    private async Task MeasureStorageAsync(StageMeter meter, List<SourceDocument> sources, List<Article> articles, CancellationToken cancellationToken)
    {
        await using var composition = await IngestComposition.CreateAsync(
            new IngestSetup(_azurite!.ConnectionString, Path.Combine(work.FullName, "index-storage"), "bench-normalized", IngestLog.None), cancellationToken);
        var articlesContainer = composition.Containers.Articles;

        // Warm the SDK and Azurite's code paths on a few requests of each kind.
        foreach (var source in sources.Take(50))
        {
            await articlesContainer.GetBlobClient($"warm/{source.Name}").UploadAsync(new BinaryData(source.Content), overwrite: true, cancellationToken);
            _ = await composition.Sources.ReadAsync($"warm/{source.Name}", cancellationToken);
        }

        foreach (var article in articles.Take(50))
        {
            await composition.Normalized.SaveAsync(article, cancellationToken);
        }

        await meter.MeasureAsync("source PUT (the uploader's request; Azurite's side)", sources.Count, async () =>
        {
            foreach (var source in sources)
            {
                await articlesContainer.GetBlobClient(source.Name).UploadAsync(new BinaryData(source.Content), overwrite: true, cancellationToken);
            }
        });

        await meter.MeasureAsync("source download (BlobArticleSourceStore.ReadAsync)", sources.Count, async () =>
        {
            foreach (var source in sources)
            {
                _ = await composition.Sources.ReadAsync(source.Name, cancellationToken);
            }
        });

        await meter.MeasureAsync("normalized JSON write (BlobNormalizedArticleStore.SaveAsync)", articles.Count, async () =>
        {
            foreach (var article in articles)
            {
                await composition.Normalized.SaveAsync(article, cancellationToken);
            }
        });

        var queue = UploadQueue.Create(_azurite.ConnectionString, "articles", configuredName: null);
        await queue.EnsureCreatedAsync(cancellationToken);
        await meter.MeasureAsync("upload announcements: send, receive, delete (batched)", sources.Count, async () =>
        {
            await using (var announcer = new UploadAnnouncer(queue))
            {
                foreach (var source in sources)
                {
                    announcer.Add(source.Name, source.Content.Length);
                }
            }

            var received = 0;
            while (received < sources.Count)
            {
                var taken = await queue.TakeAsync(cancellationToken);
                if (taken.Count == 0)
                {
                    break;
                }

                received += taken.Count;
            }
        });
    }

    /// <summary>Whole ingests by blob name, as the change detector's workers run them, on a fresh index each time.</summary>
    private async Task MeasureEndToEndAsync(StageMeter meter, List<SourceDocument> sources, CancellationToken cancellationToken)
    {
        var memory = new MemorySourceStore();
        foreach (var source in sources)
        {
            memory.Add(source.Name, source.Content.ToArray());
        }

        var runs = new List<(string Label, IngestSetup Setup, int Workers)>();
        var run = 0;
        foreach (var workers in options.Concurrency)
        {
            run++;
            runs.Add(($"whole ingest, in-memory stores, {workers} worker(s)",
                new IngestSetup(null, Path.Combine(work.FullName, $"index-{run}-memory"), "unused", IngestLog.None, memory), workers));
            if (_azurite is not null)
            {
                runs.Add(($"whole ingest, Azurite, {workers} worker(s), no logger",
                    new IngestSetup(_azurite.ConnectionString, Path.Combine(work.FullName, $"index-{run}-azurite"), $"bench-normalized-{run}", IngestLog.None), workers));
                if (options.ConsoleLog)
                {
                    // Alternating, so that both see the same machine.
                    runs.Add(($"whole ingest, Azurite, {workers} worker(s), console log unfiltered (the host before)",
                        new IngestSetup(_azurite.ConnectionString, Path.Combine(work.FullName, $"index-{run}-azurite-console"), $"bench-normalized-{run}-console", IngestLog.Console), workers));
                    runs.Add(($"whole ingest, Azurite, {workers} worker(s), the host's logging",
                        new IngestSetup(_azurite.ConnectionString, Path.Combine(work.FullName, $"index-{run}-azurite-host"), $"bench-normalized-{run}-host", IngestLog.Host), workers));
                }
            }
        }

        foreach (var (label, setup, workers) in runs)
        {
            await using var composition = await IngestComposition.CreateAsync(setup, cancellationToken);
            var ingestor = composition.Ingestor;
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken };
            composition.LogLines.Reset();
            await meter.MeasureAsync(label, sources.Count, async () =>
            {
                await Parallel.ForEachAsync(sources, parallel, async (source, ct) => await ingestor.IngestAsync(source.Name, source.Content.Length, ct));
                await composition.Index.CommitAsync(cancellationToken);
            }, () => LogNote(composition.LogLines, sources.Count));
        }
    }

    private static string LogNote(LogLineCounter lines, int articles) =>
        lines.Lines.Count == 0
            ? string.Empty
            : "log lines per article: " + string.Join(", ", lines.Lines.OrderByDescending(pair => pair.Value).Select(pair => $"{(double)pair.Value / articles:0.#} {pair.Key}"));

    private LuceneArticleIndex OpenIndex(string name) =>
        new(Options.Create(new LuceneIndexOptions { IndexPath = Path.Combine(work.FullName, $"index-{name}") }));
}
