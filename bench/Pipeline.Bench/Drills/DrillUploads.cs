using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Pipeline.Api;
using Pipeline.Cli.Soak.Inputs;
using Pipeline.Core.Articles;
using Pipeline.Core.Serialization;

namespace Pipeline.Bench.Drills;

/// <summary>One upload to make: its blob name, content, and whether it is one of the hostile inputs.</summary>
internal sealed record DrillUpload(string Name, Func<byte[]> Content, bool Hostile);

/// <summary>An upload storage accepted, with the ETag it gave the blob.</summary>
internal sealed record UploadedBlob(string Name, string ETag, bool Hostile);

/// <summary>What became of the uploads: indexed in their current version, rejected for good, parked, or neither yet.</summary>
internal sealed record UploadAccount(int Uploaded, int Indexed, IReadOnlyDictionary<string, int> Rejected, int Parked, IReadOnlyList<string> Pending)
{
    public int RejectedTotal => Rejected.Values.Sum();

    public bool Complete => Pending.Count == 0 && Parked == 0;
}

/// <summary>The drill's uploads: BBC articles made distinct, the hostile corpus, paced uploads and the final account.</summary>
internal static class DrillUploads
{
    /// <summary><paramref name="count"/> articles under <paramref name="folder"/>/: BBC stories, each with a closing line of its own so every upload is new content.</summary>
    public static IReadOnlyList<DrillUpload> Articles(IReadOnlyList<string> bbcFiles, string folder, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new DrillUpload(
            $"{folder}/{i:D5}.txt",
            () => [.. File.ReadAllBytes(bbcFiles[i % bbcFiles.Count]), .. Encoding.UTF8.GetBytes($"\n\nEdition {i} of this story, filed by the {folder} desk.\n")],
            Hostile: false))];

    /// <summary><paramref name="count"/> hostile inputs (empty, binary, broken encodings, deep nesting, bombs, broken JSON) under <c>hostile/</c>.</summary>
    public static IReadOnlyList<DrillUpload> Hostile(int count) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var input = HostileCorpus.Small[i % HostileCorpus.Small.Count];
            return new DrillUpload($"hostile/{i:D3}-{input.Name}", input.Generate, Hostile: true);
        })];

    /// <summary>Interleaves the hostile uploads evenly among the others.</summary>
    public static IReadOnlyList<DrillUpload> Interleave(IReadOnlyList<DrillUpload> articles, IReadOnlyList<DrillUpload> hostile)
    {
        var all = new List<DrillUpload>(articles.Count + hostile.Count);
        var every = hostile.Count == 0 ? int.MaxValue : Math.Max(1, articles.Count / hostile.Count);
        var h = 0;
        for (var i = 0; i < articles.Count; i++)
        {
            all.Add(articles[i]);
            if ((i + 1) % every == 0 && h < hostile.Count)
            {
                all.Add(hostile[h++]);
            }
        }

        all.AddRange(hostile.Skip(h));
        return all;
    }

    /// <summary>
    /// Uploads <paramref name="uploads"/> spread evenly over <paramref name="spread"/> (all at once when zero) with
    /// <paramref name="workers"/> in parallel. A failed upload (storage down) is tried again every second, as a client
    /// would, until it succeeds or <paramref name="cancellationToken"/> ends the drill.
    /// </summary>
    /// <returns>The number of failed tries.</returns>
    public static async Task<int> UploadPacedAsync(
        BlobContainerClient container, IReadOnlyList<DrillUpload> uploads, TimeSpan spread, int workers, ConcurrentBag<UploadedBlob> done, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var next = -1;
        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < uploads.Count)
            {
                var due = spread * i / uploads.Count - clock.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, cancellationToken);
                }

                var upload = uploads[i];
                var content = upload.Content();
                while (true)
                {
                    try
                    {
                        var response = await container.GetBlobClient(upload.Name).UploadAsync(new BinaryData(content), overwrite: true, cancellationToken);
                        done.Add(new UploadedBlob(upload.Name, response.Value.ETag.ToString(), upload.Hostile));
                        break;
                    }
                    catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or IOException or AggregateException && !cancellationToken.IsCancellationRequested)
                    {
                        Interlocked.Increment(ref failures);
                        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                    }
                }
            }
        }, cancellationToken)));
        return failures;
    }

    /// <summary>The number of indexed articles from <paramref name="source"/> (the top folder of their blob names), by a search count.</summary>
    public static async Task<long> IndexedCountAsync(HttpClient api, string source, CancellationToken cancellationToken)
    {
        var page = await api.GetFromJsonAsync<SearchResponse>($"/api/search?q=*&top=0&filter={Uri.EscapeDataString($"source eq '{source}'")}", PipelineJson.Options, cancellationToken);
        return page?.Count ?? 0;
    }

    /// <summary>Looks up every upload: its article in the index (current ETag), else its rejection record.</summary>
    public static async Task<UploadAccount> AccountAsync(HttpClient api, BlobContainerClient rejected, IReadOnlyCollection<UploadedBlob> uploads, CancellationToken cancellationToken)
    {
        var indexed = 0;
        var parked = 0;
        var reasons = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var pending = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(uploads, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (upload, ct) =>
        {
            if (await IndexedETagAsync(api, upload.Name, ct) is { } etag && SameETag(etag, upload.ETag))
            {
                Interlocked.Increment(ref indexed);
                return;
            }

            var record = await RejectionAsync(rejected, upload.Name, ct);
            if (record is { } r && SameETag(r.ETag, upload.ETag))
            {
                if (string.Equals(r.Reason, "parked", StringComparison.OrdinalIgnoreCase))
                {
                    Interlocked.Increment(ref parked);
                    pending.Add($"{upload.Name} (parked)");
                    return;
                }

                if (!string.Equals(r.Reason, "unavailable", StringComparison.OrdinalIgnoreCase))
                {
                    reasons.AddOrUpdate(r.Reason, 1, (_, n) => n + 1);
                    return;
                }
            }

            pending.Add(upload.Name);
        });
        return new UploadAccount(uploads.Count, indexed, reasons.ToDictionary(), parked, [.. pending.Order(StringComparer.Ordinal)]);
    }

    private static async Task<string?> IndexedETagAsync(HttpClient api, string blobName, CancellationToken cancellationToken)
    {
        using var response = await api.GetAsync($"/api/articles/{ArticleId.FromBlobName(blobName)}", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return json.RootElement.TryGetProperty("source", out var source) && source.TryGetProperty("eTag", out var etag) ? etag.GetString() : null;
    }

    private static async Task<(string Reason, string? ETag)?> RejectionAsync(BlobContainerClient rejected, string blobName, CancellationToken cancellationToken)
    {
        try
        {
            var content = await rejected.GetBlobClient(blobName + ".json").DownloadContentAsync(cancellationToken);
            using var json = JsonDocument.Parse(content.Value.Content.ToMemory());
            var root = json.RootElement;
            return (root.GetProperty("reason").GetString() ?? "?", root.TryGetProperty("eTag", out var etag) ? etag.GetString() : null);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private static bool SameETag(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.Trim('"'), b.Trim('"'), StringComparison.Ordinal);
}
