using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Pipeline.LocalHost.Changes;

/// <summary>One blob <c>upload</c> wrote: its name and size.</summary>
public sealed record AnnouncedBlob(string Name, long? Length = null);

/// <summary>
/// The storage queue on which <c>upload</c> announces the blobs it wrote: the local stand-in for the Event Grid
/// <c>BlobCreated</c> events that deliver uploads in Azure.
/// </summary>
/// <remarks>
/// <para>An announcement only makes the host look sooner; losing one loses nothing, because the next listing of the
/// container finds the blob anyway. So sending is best effort and a message is deleted as soon as its names are queued
/// for ingest (a host killed after that finds them at its start-up listing).</para>
/// <para>A message is a JSON array of <c>{"name", "length"}</c>, several blobs to a message (see
/// <see cref="UploadAnnouncer"/>), so that a burst of uploads costs the queue a few requests rather than three per
/// blob. A message that is not such an array is taken as one blob name, so anything can announce a blob by hand.</para>
/// </remarks>
public sealed class UploadQueue(QueueClient queue)
{
    /// <summary>Bytes of JSON per message: a queue message holds 64 KiB, base64 takes a third more.</summary>
    public const int MaxMessageBytes = 45 * 1024;

    private const int MaxQueueNameLength = 63;
    private const int MaxMessagesPerReceive = 32;

    // Queue metadata naming where the host watching this queue listens (see UploadHandOff).
    private const string HostMetadataKey = "pipelinehost";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => queue.Name;

    /// <summary>The queue that belongs to an articles container, unless configured otherwise.</summary>
    public static UploadQueue Create(string connectionString, string articlesContainer, string? configuredName) =>
        new(new QueueClient(connectionString, QueueNameFor(articlesContainer, configuredName), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }));

    public static string QueueNameFor(string articlesContainer, string? configuredName)
    {
        if (!string.IsNullOrWhiteSpace(configuredName))
        {
            return configuredName;
        }

        // Container and queue names share their rules (lower case, digits, single hyphens); only the length can overflow.
        const string Suffix = "-uploads";
        return articlesContainer[..Math.Min(articlesContainer.Length, MaxQueueNameLength - Suffix.Length)].TrimEnd('-') + Suffix;
    }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken) =>
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <summary>Records where the host that reads this queue takes uploads handed over directly (null: nowhere).</summary>
    public async Task PublishHostAsync(Uri? address, CancellationToken cancellationToken)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (address is not null)
        {
            metadata[HostMetadataKey] = address.AbsoluteUri;
        }

        await queue.SetMetadataAsync(metadata, cancellationToken);
    }

    /// <summary>The address a running host published, or null (none, or the queue cannot be read).</summary>
    public async Task<Uri?> FindHostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var metadata = (await queue.GetPropertiesAsync(cancellationToken)).Value.Metadata;
            return metadata.TryGetValue(HostMetadataKey, out var value) && Uri.TryCreate(value, UriKind.Absolute, out var address) ? address : null;
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>The message body announcing these blobs.</summary>
    public static byte[] Encode(IReadOnlyCollection<AnnouncedBlob> blobs) => JsonSerializer.SerializeToUtf8Bytes(blobs, Json);

    /// <summary>The blobs a message announces: a JSON array of them, or else the whole body as one blob name.</summary>
    public static IReadOnlyList<AnnouncedBlob> Decode(BinaryData body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var bytes = body.ToMemory();
        if (bytes.Length > 0 && bytes.Span[0] == (byte)'[')
        {
            try
            {
                var blobs = JsonSerializer.Deserialize<AnnouncedBlob[]>(bytes.Span, Json);
                if (blobs is not null && blobs.All(blob => !string.IsNullOrEmpty(blob?.Name)))
                {
                    return blobs;
                }
            }
            catch (JsonException)
            {
                // Not ours: a blob whose name starts with '['.
            }
        }

        var name = Encoding.UTF8.GetString(bytes.Span);
        return name.Length == 0 ? [] : [new AnnouncedBlob(name)];
    }

    /// <summary>Announces uploaded blobs in one message. Never throws for storage faults: the host's next listing finds them anyway.</summary>
    public async Task<bool> TryAnnounceAsync(IReadOnlyCollection<AnnouncedBlob> blobs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        if (blobs.Count == 0)
        {
            return true;
        }

        try
        {
            await queue.SendMessageAsync(new BinaryData(Encode(blobs)), cancellationToken: cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
        {
            // 404: no host has created the queue yet, so nobody is listening, and a host that starts lists the container first.
            return false;
        }
    }

    /// <summary>Takes up to 32 messages off the queue and returns the blobs they announce.</summary>
    public async Task<IReadOnlyList<AnnouncedBlob>> TakeAsync(CancellationToken cancellationToken)
    {
        var messages = (await queue.ReceiveMessagesAsync(MaxMessagesPerReceive, TimeSpan.FromSeconds(30), cancellationToken)).Value;
        var blobs = new List<AnnouncedBlob>();
        foreach (var message in messages)
        {
            blobs.AddRange(Decode(message.Body));
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }

        return blobs;
    }
}
