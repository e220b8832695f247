using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs.Models;
using Pipeline.Core.Ingestion.Sources;
using Pipeline.Core.Normalization;

namespace Pipeline.Storage;

/// <summary>The uploaded sources in the articles container; only ever read.</summary>
/// <remarks>
/// A listing gives ETags bare while properties and downloads give them quoted; all three are written in the quoted
/// header form (<c>"H"</c>) so that a listed version compares equal to the one recorded when it was ingested.
/// </remarks>
public sealed class BlobArticleSourceStore(BlobContainers containers) : IArticleSourceStore
{
    public async IAsyncEnumerable<SourceBlob> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in containers.Articles.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var properties = item.Properties;
            yield return new SourceBlob(item.Name, properties.ETag?.ToString("H"), properties.ContentLength ?? 0, properties.LastModified, properties.ContentType);
        }
    }

    public async Task<SourceBlob?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var properties = (await containers.Articles.GetBlobClient(name).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return new SourceBlob(
                name, properties.ETag.ToString("H"), properties.ContentLength, properties.LastModified, properties.ContentType,
                properties.ContentHash is { Length: > 0 } md5 ? Convert.ToBase64String(md5) : null);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<SourceDocument?> ReadAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var download = (await containers.Articles.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value;
            return ToSourceDocument(name, download.Content, download.Details);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    internal static SourceDocument ToSourceDocument(string name, BinaryData content, BlobDownloadDetails details) =>
        new(name, content.ToMemory(), details.ContentType, details.ETag.ToString("H"), details.LastModified);
}
