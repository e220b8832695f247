using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Options;
using Pipeline.Core.Ingestion;
using Pipeline.Storage;

namespace Pipeline.LocalHost.Hosting;

/// <summary>
/// Turns the poison messages of the WebJobs blob trigger, which earlier versions of the local host ran, into parked
/// rejection records, so that a blob that trigger gave up on is on record and re-driven like every other, not only a
/// message in a queue nobody reads.
/// </summary>
/// <remarks>
/// The trigger moved a blob there when its function threw five times, which happened only when the ingestor could not
/// record the failure itself (storage down as well). The queue name is fixed and shared by every WebJobs host on the
/// account, so messages for other containers are left where they are.
/// </remarks>
public sealed partial class BlobTriggerPoisonQueue(
    IConfiguration configuration,
    IOptions<BlobStorageOptions> storage,
    ArticleIngestor ingestor,
    ILogger<BlobTriggerPoisonQueue> logger)
{
    /// <summary>The SDK's fixed name for the blob trigger's poison queue.</summary>
    public const string QueueName = "webjobs-blobtrigger-poison";

    private const int BatchSize = 32;

    /// <summary>Parks every poisoned blob of the articles container and removes its message; returns how many.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var queue = new QueueClient(configuration[storage.Value.ConnectionName], QueueName);
        if (!await queue.ExistsAsync(cancellationToken))
        {
            return 0;
        }

        var parked = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var others = new List<QueueMessage>();
        while (true)
        {
            // Messages for other containers stay hidden while the pass pages through the queue, and the pass stops when
            // it sees one again; at the end they are shown again at once, for the hosts of those containers.
            var messages = (await queue.ReceiveMessagesAsync(BatchSize, TimeSpan.FromSeconds(30), cancellationToken)).Value;
            var fresh = messages.Where(m => seen.Add(m.MessageId)).ToList();
            if (fresh.Count == 0)
            {
                await ShowAgainAsync(queue, others, cancellationToken);
                return parked;
            }

            foreach (var message in fresh)
            {
                var poisoned = Parse(message.Body);
                if (poisoned is null)
                {
                    LogUnreadable(message.MessageId);
                    continue;
                }

                if (poisoned.ContainerName != storage.Value.ArticlesContainer || poisoned.BlobName is null)
                {
                    others.Add(message);
                    continue;
                }

                await ingestor.ParkAsync(
                    poisoned.BlobName, poisoned.ETag,
                    "The blob trigger gave up on this blob after its tries failed (it was in the webjobs-blobtrigger-poison queue).",
                    cancellationToken);
                try
                {
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                    // Another host took it meanwhile; the record is written either way.
                }

                parked++;
            }
        }
    }

    private static async Task ShowAgainAsync(QueueClient queue, List<QueueMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            try
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Its own host took it meanwhile.
            }
        }
    }

    /// <summary>The SDK writes the message as base64 of <c>{"Type":"BlobTrigger","FunctionId":...,"ContainerName":...,"BlobName":...,"ETag":...}</c>.</summary>
    internal static PoisonedBlob? Parse(BinaryData body)
    {
        var text = body.ToString();
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            // Not base64: the message was written as plain JSON.
        }

        try
        {
            return JsonSerializer.Deserialize<PoisonedBlob>(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} in the blob trigger's poison queue is not readable; it stays there")]
    private partial void LogUnreadable(string messageId);

    internal sealed record PoisonedBlob(string? Type, string? FunctionId, string? ContainerName, string? BlobName, string? ETag);
}
