using Pipeline.Core.Ingestion.Sources;
using Pipeline.Core.Search;

namespace Pipeline.Core.Ingestion.Status;

/// <summary>
/// The most recent uploads with what ingest made of each, read from what storage and the index already hold: the
/// blob's properties, its rejection record and its first article. Nothing is kept for this view alone, so it cannot
/// disagree with them.
/// </summary>
/// <remarks>
/// A version counts as rejected when a rejection record names it, as indexed when the index holds the blob's first
/// article (ingest writes the first article last; <see cref="UploadStatus.Message"/> says when that article came from an
/// earlier upload of the blob); anything else is pending. Listing reads
/// the names and properties of every blob in the container, which is one cheap request per 5,000 blobs.
/// </remarks>
public sealed class RecentUploads(IArticleSourceStore sources, IRejectionStore rejections, IArticleIndex index)
{
    /// <summary>The <paramref name="top"/> most recently written blobs, newest first, with their outcomes.</summary>
    public async Task<IReadOnlyList<UploadStatus>> ListAsync(int top, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        var newest = new PriorityQueue<SourceBlob, (DateTimeOffset, string)>(top + 1, NewestLast.Instance);
        await foreach (var blob in sources.ListAsync(cancellationToken))
        {
            newest.Enqueue(blob, (blob.LastModified ?? DateTimeOffset.MinValue, blob.Name));
            if (newest.Count > top)
            {
                newest.Dequeue();
            }
        }

        var blobs = new List<SourceBlob>(newest.Count);
        while (newest.TryDequeue(out var blob, out _))
        {
            blobs.Add(blob);
        }

        blobs.Reverse();
        var statuses = new UploadStatus[blobs.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, blobs.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, ct) => statuses[i] = await StatusOfAsync(blobs[i], ct));
        return statuses;
    }

    private async Task<UploadStatus> StatusOfAsync(SourceBlob blob, CancellationToken cancellationToken)
    {
        var status = new UploadStatus(blob.Name, blob.ETag, blob.Length, blob.LastModified, UploadOutcome.Pending);
        var rejection = await rejections.GetAsync(blob.Name, cancellationToken);
        if (rejection is not null && rejection.ETag == blob.ETag)
        {
            return status with
            {
                Outcome = UploadOutcome.Rejected,
                Reason = rejection.Reason,
                Message = rejection.Message,
                Attempts = rejection.Attempts,
                RejectedAt = rejection.LastAttemptAt,
            };
        }

        var article = await index.GetAsync(Articles.ArticleId.FromBlobName(blob.Name), cancellationToken);
        if (article is not null)
        {
            // Ingest writes nothing for a re-upload whose content is unchanged, so the index keeps the earlier version's
            // ETag; such a blob is as indexed as it will get. A changed re-upload replaces the article once ingested.
            return status with
            {
                Outcome = UploadOutcome.Indexed,
                ArticleId = article.Id,
                Title = article.Title,
                Message = article.Source.ETag == blob.ETag
                    ? null
                    : "Indexed from an earlier upload of this blob: this one had the same content, or is not ingested yet.",
            };
        }

        return status with
        {
            Message = rejection is not null
                ? $"Not ingested yet; an earlier version was rejected ({rejection.Reason})."
                : "Not ingested yet.",
        };
    }

    /// <summary>Orders the queue so that the oldest blob is dequeued first and the newest ones stay.</summary>
    private sealed class NewestLast : IComparer<(DateTimeOffset Modified, string Name)>
    {
        public static NewestLast Instance { get; } = new();

        public int Compare((DateTimeOffset Modified, string Name) x, (DateTimeOffset Modified, string Name) y)
        {
            var byTime = x.Modified.CompareTo(y.Modified);
            return byTime != 0 ? byTime : string.CompareOrdinal(y.Name, x.Name);
        }
    }
}
