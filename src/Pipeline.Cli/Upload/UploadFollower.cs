using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion;
using Pipeline.LocalHost.Upload;

namespace Pipeline.Cli.Upload;

/// <summary>What became of one uploaded blob.</summary>
/// <param name="State">indexed, rejected, or pending (neither before the wait ran out).</param>
/// <param name="Ids">The articles it became, when indexed.</param>
internal sealed record UploadOutcome(string Blob, string State, IReadOnlyList<string> Ids, string? Reason = null, string? Message = null)
{
    public const string Indexed = "indexed";
    public const string Rejected = "rejected";
    public const string Pending = "pending";
}

/// <summary>Whether an article can be found by a search now (not only written).</summary>
internal interface ISearchableCheck
{
    Task<bool> IsSearchableAsync(Article article, CancellationToken cancellationToken);
}

/// <summary>
/// Follows uploads until each version is searchable or rejected. What ingest writes says which version is done: the
/// normalized articles (written just before the index) and the rejection records, each checked against the ETag the
/// upload wrote so an earlier version of the same blob does not count; one listing of each per round, however many
/// uploads are followed. An article written is not yet an article found: the index makes writes searchable at its
/// next refresh, and a write can still fail after the JSON is saved. So a written version counts as indexed only once
/// a search finds its first article (<see cref="ISearchableCheck"/>); ingest writes the first article last.
/// </summary>
internal sealed class UploadFollower(IServiceProvider services, ISearchableCheck searchable, TimeProvider time)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly INormalizedArticleStore _articles = services.GetRequiredService<INormalizedArticleStore>();
    private readonly IRejectionStore _rejections = services.GetRequiredService<IRejectionStore>();

    public async Task<IReadOnlyList<UploadOutcome>> FollowAsync(
        IReadOnlyList<UploadedBlob> uploads, TimeSpan timeout, Action<UploadOutcome> settled, CancellationToken cancellationToken)
    {
        var pending = uploads.ToDictionary(upload => upload.Name, StringComparer.Ordinal);
        var outcomes = new List<UploadOutcome>();
        var deadline = time.GetUtcNow() + timeout;
        while (pending.Count > 0)
        {
            foreach (var outcome in await SettledAsync(pending, cancellationToken))
            {
                pending.Remove(outcome.Blob);
                outcomes.Add(outcome);
                settled(outcome);
            }

            if (pending.Count == 0 || time.GetUtcNow() >= deadline)
            {
                break;
            }

            await Task.Delay(Interval, time, cancellationToken);
        }

        outcomes.AddRange(pending.Keys.Select(name => new UploadOutcome(name, UploadOutcome.Pending, [])));
        return outcomes;
    }

    private async Task<List<UploadOutcome>> SettledAsync(Dictionary<string, UploadedBlob> pending, CancellationToken cancellationToken)
    {
        var settled = new List<UploadOutcome>();
        var candidates = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await foreach (var stored in _articles.ListAsync(cancellationToken))
        {
            if (pending.ContainsKey(stored.SourceBlobName))
            {
                (candidates.TryGetValue(stored.SourceBlobName, out var ids) ? ids : candidates[stored.SourceBlobName] = []).Add(stored.Id);
            }
        }

        foreach (var (name, ids) in candidates)
        {
            // The first part is enough to tell the version: ingest writes every part of one version together.
            var article = await _articles.GetAsync(ids.Order(StringComparer.Ordinal).First(), cancellationToken);
            if (article is not null && SameVersion(article.Source.ETag, pending[name].ETag) &&
                await searchable.IsSearchableAsync(article, cancellationToken))
            {
                settled.Add(new UploadOutcome(name, UploadOutcome.Indexed, [.. ids.Order(StringComparer.Ordinal)]));
            }
        }

        await foreach (var rejection in _rejections.ListAsync(cancellationToken))
        {
            // Unavailable (storage or search failed for now) is retried by ingest itself: not an answer yet. Parked is:
            // ingest gave up until search answers again or the record is retried.
            if (pending.TryGetValue(rejection.BlobName, out var upload) &&
                !string.Equals(rejection.Reason, RejectionReasons.Unavailable, StringComparison.OrdinalIgnoreCase) &&
                SameVersion(rejection.ETag, upload.ETag) && settled.All(outcome => outcome.Blob != rejection.BlobName))
            {
                settled.Add(new UploadOutcome(rejection.BlobName, UploadOutcome.Rejected, [], rejection.Reason, rejection.Message));
            }
        }

        return settled;
    }

    private static bool SameVersion(string? recorded, string? uploaded) =>
        uploaded is null || string.Equals(recorded?.Trim('"'), uploaded.Trim('"'), StringComparison.Ordinal);
}
