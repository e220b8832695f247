using System.Net;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Pipeline.Core.Articles;
using Pipeline.Fuzzing.Hostile;
using Pipeline.LocalHost.Tests.Support;

namespace Pipeline.LocalHost.Tests.Drills;

/// <summary>
/// The API under load while the host ingests, scaled down from <c>Pipeline.Bench drill load</c> (16 connections,
/// 5,000 articles, 50 hostile inputs): searches, suggestions, articles and related links keep answering without a
/// server error or a dropped connection, and every upload ends indexed or rejected.
/// </summary>
public sealed class LoadWhileIngestingDrillTests(AzuriteFixture azurite)
{
    private const int Articles = 150;
    private const int Hostile = 10;
    private const int Connections = 4;
    private static readonly TimeSpan LoadDuration = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan IngestLimit = TimeSpan.FromMinutes(3);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_api_answers_without_server_errors_under_load_while_articles_and_hostile_uploads_are_ingested()
    {
        using var scope = new LocalHostScope();
        using var articles = new DrillArticles(Articles, "load");
        await using var host = await LocalHostProcess.StartAsync(azurite.ConnectionString, scope, FreePort.Next(), Ct);
        var container = new BlobContainerClient(azurite.ConnectionString, scope.Containers.Articles);
        var seedIds = await SeedAsync(container, host);

        var uploads = UploadAllAsync(container, articles);
        var failures = await LoadAsync(host.Http.BaseAddress!, seedIds);
        var uploaded = await uploads;
        await DrillArticles.WaitForCountAsync(host.IndexedCountAsync, seedIds.Count + Articles, IngestLimit, () => host.OutputTail, Ct);

        var unaccounted = await UnaccountedAsync(host.Http, new BlobContainerClient(azurite.ConnectionString, scope.Containers.Rejected), uploaded);
        TestContext.Current.SendDiagnosticMessage($"{failures.Requests} requests under load; {uploaded.Count} uploads, {unaccounted.Count} unaccounted.");
        Assert.True(failures.Requests > 0, "the load sent no request");
        Assert.Empty(failures.Errors);
        Assert.Empty(unaccounted);
    }

    /// <summary>A few articles indexed before the load, for the article and related requests.</summary>
    private static async Task<List<string>> SeedAsync(BlobContainerClient container, LocalHostProcess host)
    {
        var ids = new List<string>();
        for (var n = 0; n < 10; n++)
        {
            var name = $"seed/{n:D2}.txt";
            await container.UploadBlobAsync(name, BinaryData.FromString($"Harbour news number {n}\n\nThe harbour council met on day {n} and agreed the sea wall plans for the old quay."), Ct);
            ids.Add(ArticleId.FromBlobName(name));
        }

        await DrillArticles.WaitForCountAsync(host.IndexedCountAsync, ids.Count, IngestLimit, () => host.OutputTail, Ct);
        return ids;
    }

    private static async Task<Dictionary<string, string>> UploadAllAsync(BlobContainerClient container, DrillArticles articles)
    {
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        var hostile = HostileCorpus.Small.Take(Hostile).Select(input => (Name: $"hostile/{input.Name}", Content: input.Generate())).ToList();
        var every = Articles / Hostile;
        for (var i = 0; i < articles.Items.Count; i++)
        {
            var item = articles.Items[i];
            var response = await container.GetBlobClient(item.BlobName).UploadAsync(item.FilePath, overwrite: true, Ct);
            etags[item.BlobName] = response.Value.ETag.ToString();
            if (i % every == 0 && hostile.Count > 0)
            {
                var (name, content) = hostile[0];
                hostile.RemoveAt(0);
                etags[name] = (await container.GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true, Ct)).Value.ETag.ToString();
            }

            // Spread over the load rather than all before it.
            await Task.Delay(LoadDuration / (articles.Items.Count + Hostile), Ct);
        }

        return etags;
    }

    private static async Task<(long Requests, List<string> Errors)> LoadAsync(Uri server, IReadOnlyList<string> seedIds)
    {
        string[][] endpoints =
        [
            ["/api/search?q=harbour", "/api/search?q=drill", "/api/search?q=article"],
            ["/api/suggest?q=harb", "/api/suggest?q=dril"],
            [.. seedIds.Select(id => $"/api/articles/{id}")],
            [.. seedIds.Select(id => $"/api/articles/{id}/related")],
        ];
        long requests = 0;
        var errors = new List<string>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        stop.CancelAfter(LoadDuration);
        await Task.WhenAll(Enumerable.Range(0, Connections).Select(client => Task.Run(async () =>
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = server };
            var paths = endpoints[client % endpoints.Length];
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                try
                {
                    using var response = await http.GetAsync(paths[n % paths.Length], stop.Token);
                    Interlocked.Increment(ref requests);
                    if (response.StatusCode >= HttpStatusCode.InternalServerError)
                    {
                        lock (errors)
                        {
                            errors.Add($"{paths[n % paths.Length]}: {(int)response.StatusCode}");
                        }
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // The time is up.
                }
                catch (HttpRequestException ex)
                {
                    lock (errors)
                    {
                        errors.Add($"{paths[n % paths.Length]}: {ex.Message}");
                    }
                }
            }
        }, Ct)));
        return (requests, errors);
    }

    /// <summary>Uploads that are neither indexed in the version uploaded nor rejected for a reason other than a transient one.</summary>
    private static async Task<List<string>> UnaccountedAsync(HttpClient api, BlobContainerClient rejected, Dictionary<string, string> uploads)
    {
        var limit = DateTime.UtcNow + IngestLimit;
        List<string> unaccounted;
        do
        {
            unaccounted = [];
            foreach (var (name, etag) in uploads)
            {
                if (!await IndexedAsync(api, name, etag) && !await RejectedAsync(rejected, name, etag))
                {
                    unaccounted.Add(name);
                }
            }

            if (unaccounted.Count > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), Ct);
            }
        }
        while (unaccounted.Count > 0 && DateTime.UtcNow < limit);
        return unaccounted;
    }

    private static async Task<bool> IndexedAsync(HttpClient api, string blobName, string etag)
    {
        using var response = await api.GetAsync($"/api/articles/{ArticleId.FromBlobName(blobName)}", Ct);
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return json.RootElement.GetProperty("source").GetProperty("eTag").GetString() is { } indexed && SameETag(indexed, etag);
    }

    private static async Task<bool> RejectedAsync(BlobContainerClient rejected, string blobName, string etag)
    {
        try
        {
            var record = await rejected.GetBlobClient(blobName + ".json").DownloadContentAsync(Ct);
            using var json = JsonDocument.Parse(record.Value.Content.ToMemory());
            var reason = json.RootElement.GetProperty("reason").GetString();
            return SameETag(json.RootElement.GetProperty("eTag").GetString() ?? "", etag) && reason is not "unavailable" and not "parked";
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    private static bool SameETag(string a, string b) => string.Equals(a.Trim('"'), b.Trim('"'), StringComparison.Ordinal);
}
