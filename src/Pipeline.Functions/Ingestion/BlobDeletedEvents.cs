using System.Text.Json;

namespace Pipeline.Functions.Ingestion;

/// <summary>
/// Reads the names of deleted blobs from Event Grid <c>Microsoft.Storage.BlobDeleted</c> events, as Event Grid writes
/// them to a storage queue: one event (or an array of them) in the Event Grid schema or the CloudEvents schema. The
/// blob name comes from the subject, <c>/blobServices/default/containers/{container}/blobs/{name}</c>.
/// </summary>
/// <remarks>
/// Event Grid has written queue messages as plain JSON and, later, base64-encoded; the Functions app reads the queue
/// without decoding (<c>messageEncoding: none</c> in host.json) and this accepts both, so a change on either side
/// cannot send every delete notice to the poison queue.
/// </remarks>
public static class BlobDeletedEvents
{
    public const string EventType = "Microsoft.Storage.BlobDeleted";

    /// <summary>Blob names in <paramref name="container"/> that the message says were deleted; other events are ignored.</summary>
    /// <exception cref="JsonException">The message is not JSON.</exception>
    public static IReadOnlyList<string> DeletedBlobNames(string message, string container)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrEmpty(container);
        using var document = JsonDocument.Parse(Decode(message));
        var events = document.RootElement.ValueKind == JsonValueKind.Array
            ? document.RootElement.EnumerateArray().ToList()
            : [document.RootElement];
        var prefix = $"/blobServices/default/containers/{container}/blobs/";
        var names = new List<string>();
        foreach (var item in events)
        {
            if (item.ValueKind != JsonValueKind.Object
                || (StringProperty(item, "eventType") ?? StringProperty(item, "type")) != EventType
                || StringProperty(item, "subject") is not { } subject
                || !subject.StartsWith(prefix, StringComparison.Ordinal)
                || subject.Length == prefix.Length)
            {
                continue;
            }

            names.Add(subject[prefix.Length..]);
        }

        return names;
    }

    private static string Decode(string message)
    {
        var trimmed = message.AsSpan().Trim();
        if (trimmed.IsEmpty || trimmed[0] is '{' or '[')
        {
            return message;
        }

        var bytes = new byte[trimmed.Length];
        return Convert.TryFromBase64Chars(trimmed, bytes, out var written)
            ? System.Text.Encoding.UTF8.GetString(bytes, 0, written)
            : message;
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
