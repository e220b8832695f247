using Pipeline.Functions.Ingestion;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>Event Grid delete events as they arrive in the queue: Event Grid schema, CloudEvents, one or many, plain or base64.</summary>
public sealed class BlobDeletedEventsTests
{
    [Fact]
    public void Reads_the_blob_name_from_an_event_grid_schema_event()
    {
        var message = """
            {"id":"1","eventType":"Microsoft.Storage.BlobDeleted","subject":"/blobServices/default/containers/articles/blobs/news/storm.txt",
             "data":{"url":"https://acct.blob.core.windows.net/articles/news/storm.txt"},"dataVersion":"","metadataVersion":"1"}
            """;

        Assert.Equal(["news/storm.txt"], BlobDeletedEvents.DeletedBlobNames(message, "articles"));
    }

    [Fact]
    public void Reads_cloud_events_and_arrays_of_events()
    {
        var message = """
            [{"specversion":"1.0","type":"Microsoft.Storage.BlobDeleted","subject":"/blobServices/default/containers/articles/blobs/a.txt"},
             {"specversion":"1.0","type":"Microsoft.Storage.BlobDeleted","subject":"/blobServices/default/containers/articles/blobs/b.md"}]
            """;

        Assert.Equal(["a.txt", "b.md"], BlobDeletedEvents.DeletedBlobNames(message, "articles"));
    }

    [Fact]
    public void Ignores_other_event_types_and_other_containers()
    {
        var message = """
            [{"eventType":"Microsoft.Storage.BlobCreated","subject":"/blobServices/default/containers/articles/blobs/a.txt"},
             {"eventType":"Microsoft.Storage.BlobDeleted","subject":"/blobServices/default/containers/normalized/blobs/a.json"}]
            """;

        Assert.Empty(BlobDeletedEvents.DeletedBlobNames(message, "articles"));
    }

    [Fact]
    public void Reads_a_base64_encoded_message_as_event_grid_writes_it_now()
    {
        var json = """{"eventType":"Microsoft.Storage.BlobDeleted","subject":"/blobServices/default/containers/articles/blobs/news/storm.txt"}""";
        var message = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json));

        Assert.Equal(["news/storm.txt"], BlobDeletedEvents.DeletedBlobNames(message, "articles"));
    }

    [Fact]
    public void Reports_a_message_that_is_neither_json_nor_base64_json_as_not_json()
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => BlobDeletedEvents.DeletedBlobNames("not an event", "articles"));
    }

    [Fact]
    public void The_functions_host_hands_queue_messages_over_undecoded()
    {
        using var host = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "src", "Pipeline.Functions", "host.json")));

        Assert.Equal("none", host.RootElement.GetProperty("extensions").GetProperty("queues").GetProperty("messageEncoding").GetString());
    }
}
