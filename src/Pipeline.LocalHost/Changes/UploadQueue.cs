using System.Text;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Pipeline.LocalHost.Changes;

/// <summary>
/// The storage queue on which <c>upload</c> announces the blobs it wrote: the local stand-in for the Event Grid
/// <c>BlobCreated</c> events that deliver uploads in Azure. One message per blob, its body the blob name.
/// </summary>
/// <remarks>
/// An announcement only makes the host look sooner; losing one loses nothing, because the next listing of the container
/// finds the blob anyway. So sending is best effort and a message is deleted as soon as its name is queued for ingest.
/// </remarks>
public sealed class UploadQueue(QueueClient queue)
{
    private const int MaxQueueNameLength = 63;
    private const int MaxMessagesPerReceive = 32;

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

    /// <summary>Announces an uploaded blob. Never throws for storage faults: the host's next listing finds the blob anyway.</summary>
    public async Task<bool> TryAnnounceAsync(string blobName, CancellationToken cancellationToken)
    {
        try
        {
            await queue.SendMessageAsync(new BinaryData(Encoding.UTF8.GetBytes(blobName)), cancellationToken: cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No host has created the queue yet: nobody is listening, and a host that starts lists the container first.
            return false;
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>Takes up to 32 announced blob names off the queue.</summary>
    public async Task<IReadOnlyList<string>> TakeAsync(CancellationToken cancellationToken)
    {
        var messages = (await queue.ReceiveMessagesAsync(MaxMessagesPerReceive, TimeSpan.FromSeconds(30), cancellationToken)).Value;
        var names = new List<string>(messages.Length);
        foreach (var message in messages)
        {
            var name = message.Body.ToString();
            if (name.Length > 0)
            {
                names.Add(name);
            }

            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }

        return names;
    }
}
