using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Pipeline.Core.Serialization;

namespace Pipeline.Storage;

/// <summary>Writes a value as an indented, UTF-8 JSON blob: the shape of everything the pipeline stores.</summary>
internal static class JsonBlob
{
    private static readonly BlobHttpHeaders JsonHeaders = new() { ContentType = "application/json; charset=utf-8" };

    public static async Task UploadAsync<T>(
        BlobClient blob, T value, CancellationToken cancellationToken, IDictionary<string, string>? metadata = null)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value, PipelineJson.Indented);
        await blob.UploadAsync(new BinaryData(json), new BlobUploadOptions { HttpHeaders = JsonHeaders, Metadata = metadata }, cancellationToken);
    }

    public static async Task<T?> DownloadAsync<T>(BlobClient blob, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var download = await blob.DownloadContentAsync(cancellationToken);
            return download.Value.Content.ToObjectFromJson<T>(PipelineJson.Options);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
