using System.Globalization;
using System.Net.Http.Headers;

namespace Pipeline.LocalHost.Changes;

/// <summary>
/// How <c>upload</c> hands a blob it has just written straight to the running local host, content included, so that
/// the blob is indexed without waiting for the upload queue or reading it back from storage.
/// </summary>
/// <remarks>
/// <para>The host publishes where it listens on its <see cref="UploadQueue"/> (queue metadata), so an upload finds the
/// host that watches the same storage, and no other. A hand-over that fails (no host, a host that has stopped, one that
/// watches another container) is not an error: the caller announces the blob on the queue instead, and the host's
/// listing finds it in any case.</para>
/// <para>Why not just the queue: Azurite saves its whole blob database after writes, and while it saves (seconds, with
/// 100,000 blobs) it answers nothing. Every storage request between an upload and its index write can meet such a
/// pause; handed over, the only one left is the normalized record's write.</para>
/// </remarks>
public sealed class UploadHandOff
{
    /// <summary>The host's route for hand-overs, below its address.</summary>
    public const string Route = "/api/ingest/uploads";

    /// <summary>Request header: the ETag storage gave the written version.</summary>
    public const string ETagHeader = "Blob-ETag";

    /// <summary>Request header: when storage says that version was written (HTTP date).</summary>
    public const string LastModifiedHeader = "Blob-Last-Modified";

    /// <summary>Files larger than this are only announced: the host reads them from storage.</summary>
    public const int MaxContentBytes = 4 * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly string _container;

    public UploadHandOff(HttpClient http, Uri hostAddress, string container)
    {
        ArgumentNullException.ThrowIfNull(hostAddress);
        ArgumentException.ThrowIfNullOrEmpty(container);
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _endpoint = new Uri(hostAddress, Route);
        _container = container;
    }

    /// <summary>The hand-over of the host watching the queue's storage, or null when no running host published one.</summary>
    public static async Task<UploadHandOff?> FindAsync(UploadQueue queue, string container, HttpClient http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        return await queue.FindHostAsync(cancellationToken) is { } address ? new UploadHandOff(http, address, container) : null;
    }

    /// <summary>Hands one written blob to the host. Returns false, without throwing, when the host did not take it.</summary>
    public async Task<bool> TryHandOverAsync(
        string blobName, ReadOnlyMemory<byte> content, string? contentType, string etag, DateTimeOffset lastModified, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        ArgumentException.ThrowIfNullOrEmpty(etag);
        if (content.Length > MaxContentBytes)
        {
            return false;
        }

        var query = $"?container={Uri.EscapeDataString(_container)}&name={Uri.EscapeDataString(blobName)}";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_endpoint + query)) { Content = new ReadOnlyMemoryContent(content) };
        request.Content.Headers.ContentType = contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var type) ? type : null;
        request.Headers.TryAddWithoutValidation(ETagHeader, etag);
        request.Headers.TryAddWithoutValidation(LastModifiedHeader, lastModified.ToString("R", CultureInfo.InvariantCulture));
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The host is gone (a stale address) or hung: the queue and the listing are still there.
            return false;
        }
    }
}
