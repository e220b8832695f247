using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ingestion.Sources;

namespace Pipeline.Cli.Status;

/// <summary>
/// What storage says about every upload: indexed (its normalized article is stored, which ingest writes just before
/// the index), rejected (a record in the rejected container), or pending (neither yet).
/// </summary>
/// <param name="Uploaded">Blobs in the articles container.</param>
/// <param name="Indexed">Uploaded blobs with at least one normalized article.</param>
/// <param name="Articles">Normalized articles (a JSON array upload yields several).</param>
/// <param name="RejectedByReason">Rejection records per reason code, most frequent first.</param>
/// <param name="Pending">Uploaded blobs neither indexed nor rejected: waiting for, or in, ingest.</param>
internal sealed record PipelineStatus(
    int Uploaded,
    int Indexed,
    int Articles,
    IReadOnlyDictionary<string, int> RejectedByReason,
    int Pending)
{
    public int Rejected => RejectedByReason.Values.Sum();

    public static async Task<PipelineStatus> ReadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var sources = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var blob in services.GetRequiredService<IArticleSourceStore>().ListAsync(cancellationToken))
        {
            sources.Add(blob.Name);
        }

        var indexed = new HashSet<string>(StringComparer.Ordinal);
        var articles = 0;
        await foreach (var article in services.GetRequiredService<INormalizedArticleStore>().ListAsync(cancellationToken))
        {
            articles++;
            if (sources.Contains(article.SourceBlobName))
            {
                indexed.Add(article.SourceBlobName);
            }
        }

        var rejected = new HashSet<string>(StringComparer.Ordinal);
        var byReason = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var rejection in services.GetRequiredService<IRejectionStore>().ListAsync(cancellationToken))
        {
            rejected.Add(rejection.BlobName);
            byReason[rejection.Reason] = byReason.GetValueOrDefault(rejection.Reason) + 1;
        }

        var pending = sources.Count(name => !indexed.Contains(name) && !rejected.Contains(name));
        return new PipelineStatus(
            sources.Count,
            indexed.Count,
            articles,
            byReason.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).ToDictionary(),
            pending);
    }
}
