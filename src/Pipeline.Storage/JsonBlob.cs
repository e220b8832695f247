using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Pipeline.Core.Serialization;

namespace Pipeline.Storage;

/// <summary>Writes a value as an indented, UTF-8 JSON blob: the shape of everything the pipeline stores.</summary>
internal static class JsonBlob
{
    private static readonly BlobHttpHeaders JsonHeaders = new() { ContentType = "application/json; charset=utf-8" };

    public static async Task UploadAsync<T>(BlobClient blob, T value, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value, PipelineJson.Indented);
        await blob.UploadAsync(new BinaryData(json), new BlobUploadOptions { HttpHeaders = JsonHeaders }, cancellationToken);
    }
}
