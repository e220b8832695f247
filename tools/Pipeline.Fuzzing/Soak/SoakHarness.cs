using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Core;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Normalization;
using Pipeline.Core.Search;
using Pipeline.Fuzzing.InMemory;
using Pipeline.Search.Lucene;

namespace Pipeline.Fuzzing.Soak;

/// <summary>
/// Runs inputs through the production ingest path (<see cref="ArticleIngestor"/> with the production normalizer and
/// enricher) into a real Lucene index in a temporary folder, with in-memory stores standing in for blob storage, and
/// then checks that every input can be found again: as its articles in the index and the store, or as a rejection.
/// </summary>
public sealed class SoakHarness : IAsyncDisposable
{
    /// <summary>How long one input may take before it counts as hung. A safety net, not a performance bound.</summary>
    public static readonly TimeSpan DefaultInputTimeout = TimeSpan.FromMinutes(2);

    private readonly string _indexPath;
    private readonly LuceneArticleIndex _index;
    private readonly InMemoryArticleStore _store = new();
    private readonly InMemoryRejectionStore _rejections = new();
    private readonly ServiceProvider _services;
    private readonly ArticleIngestor _ingestor;

    public SoakHarness(string? indexPath = null)
    {
        _indexPath = indexPath ?? Path.Combine(Path.GetTempPath(), $"pipeline-soak-{Guid.NewGuid():N}");
        _index = new LuceneArticleIndex(Options.Create(new LuceneIndexOptions { IndexPath = _indexPath }));
        _services = new ServiceCollection()
            .AddLogging()
            .AddPipelineCore()
            .AddSingleton<IArticleIndex>(_index)
            .AddSingleton<INormalizedArticleStore>(_store)
            .AddSingleton<IRejectionStore>(_rejections)
            .BuildServiceProvider();
        _ingestor = _services.GetRequiredService<ArticleIngestor>();
    }

    public TimeSpan InputTimeout { get; init; } = DefaultInputTimeout;

    /// <summary>How many inputs pass between calls of the progress callback.</summary>
    public int ProgressInterval { get; init; } = 500;

    public async Task<SoakReport> RunAsync(IEnumerable<SoakInput> inputs, Action<SoakProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var clock = Stopwatch.StartNew();
        var outcomes = new List<(SoakInput Input, IngestResult Result)>();
        var crashes = new List<SoakFailure>();
        var categories = new Dictionary<string, (int Inputs, int Indexed)>(StringComparer.Ordinal);
        int processed = 0, indexed = 0, rejected = 0;
        foreach (var input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await IngestGuardedAsync(input, crashes, cancellationToken);
            processed++;
            var category = categories.GetValueOrDefault(input.Category);
            if (result is not null)
            {
                outcomes.Add((input, result));
                indexed += result.IsRejected ? 0 : 1;
                rejected += result.IsRejected ? 1 : 0;
                category.Indexed += result.IsRejected ? 0 : 1;
            }

            categories[input.Category] = (category.Inputs + 1, category.Indexed);
            if (processed % ProgressInterval == 0)
            {
                progress?.Invoke(new SoakProgress(processed, indexed, rejected, crashes.Count, clock.Elapsed));
            }
        }

        // Searches see writes after the index's next refresh; the count below must include every write.
        await _index.RefreshAsync(cancellationToken);
        var (lost, duplicates, articles) = await VerifyAsync(outcomes, cancellationToken);
        var all = await _index.SearchAsync(new SearchRequest("*", Top: 0), cancellationToken);
        return new SoakReport
        {
            Processed = processed,
            Indexed = indexed,
            Articles = articles,
            IndexCount = all.TotalCount ?? 0,
            RejectedByReason = outcomes
                .Where(o => o.Result.IsRejected)
                .GroupBy(o => o.Result.RejectedFor!.Value)
                .ToDictionary(g => g.Key, g => g.Count()),
            Crashes = crashes,
            Lost = lost,
            DuplicateIds = duplicates,
            Categories = categories.ToDictionary(c => c.Key, c => new CategoryCount(c.Value.Inputs, c.Value.Indexed), StringComparer.Ordinal),
            Elapsed = clock.Elapsed,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _index.DisposeAsync();
        try
        {
            Directory.Delete(_indexPath, recursive: true);
        }
        catch (IOException)
        {
            // An input still running after its timeout may hold a file; temp is cleaned eventually.
        }
    }

    private async Task<IngestResult?> IngestGuardedAsync(SoakInput input, List<SoakFailure> crashes, CancellationToken cancellationToken)
    {
        try
        {
            // Normalization is synchronous and cannot be cancelled, so an input that hangs is left running on its own
            // thread and reported, and the run goes on.
            var ingest = Task.Run(() => _ingestor.IngestAsync(new SourceDocument(input.BlobName, input.Content(), ETag: "soak"), cancellationToken), cancellationToken);
            return await ingest.WaitAsync(InputTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            crashes.Add(new SoakFailure(input.BlobName, input.Origin, $"did not finish within {InputTimeout.TotalSeconds:N0} s"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            crashes.Add(new SoakFailure(input.BlobName, input.Origin, $"{ex.GetType().Name}: {ex.Message}"));
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
            if (result.RejectedFor is { } reason)
            {
                if (_rejections.Rejections.GetValueOrDefault(input.BlobName) is not { } recorded ||
                    !RejectionReasons.Same(recorded.Reason, RejectionReasons.Of(reason)))
                {
                    lost.Add(new SoakFailure(input.BlobName, input.Origin, $"rejected as {reason}, but no such rejection is recorded"));
                }

                continue;
            }

            foreach (var id in result.ArticleIds.Distinct(StringComparer.Ordinal))
            {
                articles++;
                owners[id] = owners.GetValueOrDefault(id) + 1;
                if (await _index.GetAsync(id, cancellationToken) is null || await _store.GetAsync(id, cancellationToken) is null)
                {
                    lost.Add(new SoakFailure(input.BlobName, input.Origin, $"reported indexed as '{id}', which the index or the store does not hold"));
                }
            }
        }

        var duplicates = owners.Values.Count(owners => owners > 1);
        return (lost, duplicates, articles - owners.Values.Sum(count => count - 1));
    }
}

/// <summary>Where a running soak is.</summary>
public sealed record SoakProgress(int Processed, int Indexed, int Rejected, int Crashes, TimeSpan Elapsed);
