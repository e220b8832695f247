using Pipeline.Core.Search;

namespace Pipeline.Api;

/// <summary>
/// What <c>GET /api/health</c> reports: whether the index answers a real query, and how many articles it holds.
/// </summary>
/// <remarks>
/// Counting every article is a query over the whole index, so answering each health request with its own count made
/// health cost more as the index grew, and a load balancer or monitor polling it competed with searches. The answer is
/// kept for <see cref="MaxAge"/>, about as long as a new article takes to become visible to searches anyway, and one
/// request at a time refreshes it; a failing index still fails the next refresh.
/// </remarks>
public sealed class IndexHealthProbe(IArticleIndex index, TimeProvider timeProvider)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Snapshot? _last;

    /// <summary>The number of indexed articles, counted at most <see cref="MaxAge"/> ago.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        if (TryGetFresh(out var count))
        {
            return count;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (TryGetFresh(out count))
            {
                return count;
            }

            var all = await index.SearchAsync(new SearchRequest("*", Top: 0), cancellationToken);
            count = all.TotalCount ?? 0;
            Volatile.Write(ref _last, new Snapshot(count, timeProvider.GetTimestamp()));
            return count;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private bool TryGetFresh(out long count)
    {
        var last = Volatile.Read(ref _last);
        count = last?.Count ?? 0;
        return last is not null && timeProvider.GetElapsedTime(last.At) < MaxAge;
    }

    private sealed record Snapshot(long Count, long At);
}
