using System.Net.Http.Json;
using Pipeline.Api;
using Pipeline.Core.Articles;
using Pipeline.Core.Serialization;
using Pipeline.LocalHost.Tests.Support;
using Pipeline.LocalHost.Upload;

namespace Pipeline.LocalHost.Tests.Drills;

/// <summary>Small, distinct articles for the drills, written to a temporary folder, and the ids ingest gives them.</summary>
internal sealed class DrillArticles : IDisposable
{
    private readonly TemporaryDirectory _files = new("drill");

    public DrillArticles(int count, string prefix = "drill")
    {
        var items = new List<UploadItem>(count);
        for (var n = 1; n <= count; n++)
        {
            var blobName = $"{prefix}/{n:D4}.txt";
            var path = _files.WriteFile(
                $"{prefix}-{n:D4}.txt",
                $"Drill article number {n}\n\nThis short article, number {n} of {count}, exists to be ingested once and only once, whatever happens to the host.\n");
            items.Add(new UploadItem(path, blobName));
        }

        Items = items;
        ExpectedIds = items.Select(item => ArticleId.FromBlobName(item.BlobName)).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<UploadItem> Items { get; }

    public IReadOnlySet<string> ExpectedIds { get; }

    public void Dispose() => _files.Dispose();

    /// <summary>Every id the search API returns for <c>*</c>, page by page, duplicates kept.</summary>
    public static async Task<List<string>> SearchAllIdsAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        for (var skip = 0; ; skip += ApiLimits.MaxTop)
        {
            var page = await http.GetFromJsonAsync<SearchResponse>($"/api/search?q=*&top={ApiLimits.MaxTop}&skip={skip}", PipelineJson.Options, cancellationToken)
                ?? throw new InvalidOperationException("The search API returned no body.");
            ids.AddRange(page.Value.Select(hit => hit.Id));
            if (page.Value.Count < ApiLimits.MaxTop)
            {
                return ids;
            }
        }
    }

    /// <summary>Polls <paramref name="count"/> until it reaches <paramref name="target"/>; fails with the last count after <paramref name="limit"/>.</summary>
    public static async Task<long> WaitForCountAsync(Func<CancellationToken, Task<long>> count, long target, TimeSpan limit, Func<string> describe, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + limit;
        long last = -1;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await count(cancellationToken);
                if (last >= target)
                {
                    return last;
                }
            }
            catch (HttpRequestException)
            {
                // The host is restarting; ask again.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        Assert.Fail($"Waited {limit.TotalSeconds:0} s for {target} articles; the index holds {last}.{Environment.NewLine}{describe()}");
        return last;
    }
}
