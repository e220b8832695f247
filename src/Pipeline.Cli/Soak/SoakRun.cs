using System.Collections.Concurrent;
using System.Diagnostics;
using Azure;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Cli.Soak.Inputs;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ingestion.Sources;
using Pipeline.Core.Search;
using Pipeline.Search.Lucene;
using Pipeline.Storage;

namespace Pipeline.Cli.Soak;

/// <summary>
/// Runs inputs through the product's ingest path on real storage and a real index: each input is uploaded to the
/// articles container and ingested by <see cref="SourceBlobIngestor"/>, as a blob trigger would; afterwards every input
/// storage accepted must be found again, as its articles in the index and the normalized container, or as a rejection
/// record with its reason.
/// </summary>
internal sealed class SoakRun(IServiceProvider services)
{
    /// <summary>How long one input may take before it counts as hung. A safety net, not a performance bound.</summary>
    public static readonly TimeSpan DefaultInputTimeout = TimeSpan.FromMinutes(2);

    private readonly BlobContainers _containers = services.GetRequiredService<BlobContainers>();
    private readonly SourceBlobIngestor _ingestor = services.GetRequiredService<SourceBlobIngestor>();
    private readonly IArticleIndex _index = services.GetRequiredService<IArticleIndex>();
    private readonly INormalizedArticleStore _store = services.GetRequiredService<INormalizedArticleStore>();
    private readonly IRejectionStore _rejections = services.GetRequiredService<IRejectionStore>();

    public TimeSpan InputTimeout { get; init; } = DefaultInputTimeout;

    /// <summary>Inputs uploaded and ingested at a time.</summary>
    public int Parallelism { get; init; } = 4;

    /// <param name="tick">Called once per input, from any thread, with whether it ended indexed or rejected and its size.</param>
    public async Task<SoakReport> RunAsync(IReadOnlyList<SoakInput> inputs, Action<bool, long>? tick = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var loadBefore = LoadAverage.Read();
        var clock = Stopwatch.StartNew();
        var outcomes = new ConcurrentBag<(SoakInput Input, IngestResult Result)>();
        var crashes = new ConcurrentBag<SoakFailure>();
        var refused = new ConcurrentBag<SoakFailure>();
        var categories = new ConcurrentDictionary<string, CategoryCount>(StringComparer.Ordinal);
        long bytes = 0;
        await Parallel.ForEachAsync(
            inputs,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (input, ct) =>
            {
                var content = input.Content();
                Interlocked.Add(ref bytes, content.Length);
                var result = await UploadAndIngestAsync(input, content, crashes, refused, ct);
                if (result is not null)
                {
                    outcomes.Add((input, result));
                }

                var indexed = result is { Outcome: IngestOutcome.Indexed };
                categories.AddOrUpdate(
                    input.Category,
                    _ => new CategoryCount(1, indexed ? 1 : 0),
                    (_, count) => new CategoryCount(count.Inputs + 1, count.Indexed + (indexed ? 1 : 0)));
                tick?.Invoke(result is { Outcome: IngestOutcome.Indexed or IngestOutcome.Rejected }, content.Length);
            });
        var ingestTime = clock.Elapsed;

        // Searches see writes after the index's next refresh; the count below must include every write.
        if (_index is LuceneArticleIndex lucene)
        {
            await lucene.RefreshAsync(cancellationToken);
        }

        var (lost, duplicates, articles) = await VerifyAsync([.. outcomes], cancellationToken);
        var all = await _index.SearchAsync(new SearchRequest("*", Top: 0), cancellationToken);
        return new SoakReport
        {
            Processed = inputs.Count,
            Bytes = bytes,
            Indexed = outcomes.Count(o => o.Result.Outcome == IngestOutcome.Indexed),
            Articles = articles,
            IndexCount = all.TotalCount ?? 0,
            RejectedByReason = outcomes
                .Where(o => o.Result.IsRejected)
                .GroupBy(o => RejectionReasons.Of(o.Result.RejectedFor!.Value))
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            RefusedByStorage = [.. refused],
            Crashes = [.. crashes],
            Lost = lost,
            DuplicateIds = duplicates,
            Categories = new SortedDictionary<string, CategoryCount>(categories, StringComparer.Ordinal),
            Elapsed = ingestTime,
            LoadAverageBefore = loadBefore,
            LoadAverageAfter = LoadAverage.Read(),
        };
    }

    private async Task<IngestResult?> UploadAndIngestAsync(
        SoakInput input, byte[] content, ConcurrentBag<SoakFailure> crashes, ConcurrentBag<SoakFailure> refused, CancellationToken cancellationToken)
    {
        try
        {
            await _containers.Articles.GetBlobClient(input.BlobName).UploadAsync(BinaryData.FromBytes(content), overwrite: true, cancellationToken);
        }
        catch (Exception ex) when (ex is RequestFailedException or ArgumentException or UriFormatException)
        {
            // Storage does not take every name (a lone surrogate, '..', more than 1,024 characters): such an input never
            // reaches ingest, so it cannot be lost by it; it is reported apart.
            refused.Add(new SoakFailure(input.BlobName, input.Origin, $"storage refused the upload: {FirstLine(ex.Message)}"));
            return null;
        }

        try
        {
            // Normalization is synchronous and cannot be cancelled, so an input that hangs is left running on its own
            // thread and reported, and the run goes on.
            var ingest = Task.Run(() => _ingestor.IngestAsync(input.BlobName, cancellationToken), cancellationToken);
            return await ingest.WaitAsync(InputTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            crashes.Add(new SoakFailure(input.BlobName, input.Origin, $"did not finish within {InputTimeout.TotalSeconds:N0} s"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            crashes.Add(new SoakFailure(input.BlobName, input.Origin, $"{ex.GetType().Name}: {FirstLine(ex.Message)}"));
        }

        return null;
    }

    private async Task<(List<SoakFailure> Lost, int Duplicates, int Articles)> VerifyAsync(
        List<(SoakInput Input, IngestResult Result)> outcomes, CancellationToken cancellationToken)
    {
        var lost = new List<SoakFailure>();
        var owners = new Dictionary<string, int>(StringComparer.Ordinal);
        var articles = 0;
        foreach (var (input, result) in outcomes)
        {
            switch (result.Outcome)
            {
                case IngestOutcome.Rejected:
                    var reason = RejectionReasons.Of(result.RejectedFor!.Value);
                    if (await _rejections.GetAsync(input.BlobName, cancellationToken) is not { } recorded || !RejectionReasons.Same(recorded.Reason, reason))
                    {
                        lost.Add(new SoakFailure(input.BlobName, input.Origin, $"rejected as {reason}, but no such rejection is recorded"));
                    }

                    break;
                case IngestOutcome.Indexed:
                    foreach (var id in result.ArticleIds.Distinct(StringComparer.Ordinal))
                    {
                        articles++;
                        owners[id] = owners.GetValueOrDefault(id) + 1;
                        if (await _index.GetAsync(id, cancellationToken) is null || await _store.GetAsync(id, cancellationToken) is null)
                        {
                            lost.Add(new SoakFailure(input.BlobName, input.Origin, $"reported indexed as '{id}', which the index or the normalized container does not hold"));
                        }
                    }

                    break;
                default:
                    // Parked (transient faults to the end), superseded or gone: none should happen to a blob just uploaded.
                    lost.Add(new SoakFailure(input.BlobName, input.Origin, $"ended {result.Outcome}: {result.Message}"));
                    break;
            }
        }

        var duplicates = owners.Values.Count(count => count > 1);
        return (lost, duplicates, articles - owners.Values.Sum(count => count - 1));
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
