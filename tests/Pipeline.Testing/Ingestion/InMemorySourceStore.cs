using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Pipeline.Core.Ingestion.Sources;
using Pipeline.Core.Normalization;

namespace Pipeline.Testing.Ingestion;

/// <summary>
/// The articles container in memory. Every upload is a new version with a new ETag and a later last-modified time,
/// as in blob storage.
/// </summary>
public sealed class InMemorySourceStore : IArticleSourceStore
{
    private readonly ConcurrentDictionary<string, SourceDocument> _blobs = new(StringComparer.Ordinal);
    private long _version;
    private int _downloads;

    /// <summary>Where the clock of the next upload stands; tests move it to make blobs old.</summary>
    public DateTimeOffset Now { get; set; } = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Reads that happened, so tests can see a limit was checked before any download.</summary>
    public int Downloads => _downloads;

    public SourceDocument Upload(string name, string content, string? contentType = null) => Upload(name, Encoding.UTF8.GetBytes(content), contentType);

    public SourceDocument Upload(string name, byte[] content, string? contentType = null)
    {
        var version = Interlocked.Increment(ref _version);
        var document = new SourceDocument(name, content, contentType, $"\"0x{version:X}\"", Now.AddSeconds(version));
        _blobs[name] = document;
        return document;
    }

    public bool Delete(string name) => _blobs.TryRemove(name, out _);

    public async IAsyncEnumerable<SourceBlob> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var document in _blobs.Values)
        {
            yield return PropertiesOf(document);
        }
    }

    public Task<SourceBlob?> GetAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_blobs.TryGetValue(name, out var document) ? PropertiesOf(document) : null);

    public Task<SourceDocument?> ReadAsync(string name, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _downloads);
        return Task.FromResult(_blobs.GetValueOrDefault(name));
    }

    // As blob storage does for a blob written in one request, the properties carry the content's MD5.
#pragma warning disable CA5351
    private static SourceBlob PropertiesOf(SourceDocument document) =>
        new(document.Name, document.ETag, document.Content.Length, document.LastModified, document.ContentType,
            Convert.ToBase64String(System.Security.Cryptography.MD5.HashData(document.Content.Span)));
#pragma warning restore CA5351
}
