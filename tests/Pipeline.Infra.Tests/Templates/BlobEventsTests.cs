using System.Text.Json.Nodes;
using Pipeline.Infra.Tests.Arm;

namespace Pipeline.Infra.Tests.Templates;

/// <summary>How uploads reach the blob trigger: Flex Consumption only runs blob triggers with the Event Grid source.</summary>
public sealed class BlobEventsTests(CompiledTemplates templates)
{
    [Fact]
    public void System_topic_publishes_the_storage_account_events()
    {
        var (template, topic) = templates.Main.SingleResourceOfType("Microsoft.EventGrid/systemTopics");

        Assert.Equal("Microsoft.Storage.StorageAccounts", (string?)topic["properties"]!["topicType"]);
        Assert.Equal(
            "[resourceId('Microsoft.Storage/storageAccounts', parameters('name'))]",
            template.ResolveText(topic["properties"]!["source"]));
    }

    [Fact]
    public void Provisioning_subscribes_only_deletes_because_the_created_webhook_key_exists_only_after_deployment()
    {
        var (_, subscription) = templates.Main.SingleResourceOfType("Microsoft.EventGrid/systemTopics/eventSubscriptions");

        Assert.Equal(["Microsoft.Storage.BlobDeleted"], subscription["properties"]!["filter"]!["includedEventTypes"]!.AsArray().Select(t => (string?)t));
        Assert.Empty(templates.Main.AllResourcesOfType("Microsoft.EventGrid/eventSubscriptions"));
    }

    [Fact]
    public void Deletes_of_the_articles_container_go_to_the_queue_the_remove_function_reads()
    {
        var (template, subscription) = templates.Main.SingleResourceOfType("Microsoft.EventGrid/systemTopics/eventSubscriptions");
        var delivery = subscription["properties"]!["deliveryWithResourceIdentity"]!;

        Assert.Equal("StorageQueue", (string?)delivery["destination"]!["endpointType"]);
        Assert.Equal("article-deletes", template.ResolveText(delivery["destination"]!["properties"]!["queueName"]));
        Assert.Equal("articles", template.ResolveText(JsonValue.Create("[parameters('containerName')]")));
        Assert.Equal(
            "[format('/blobServices/default/containers/{0}/blobs/', parameters('containerName'))]",
            (string?)subscription["properties"]!["filter"]!["subjectBeginsWith"]);
    }

    [Fact]
    public void Deletes_are_delivered_with_the_topic_identity_because_the_account_takes_no_shared_keys()
    {
        var (_, topic) = templates.Main.SingleResourceOfType("Microsoft.EventGrid/systemTopics");
        var (_, subscription) = templates.Main.SingleResourceOfType("Microsoft.EventGrid/systemTopics/eventSubscriptions");

        Assert.Equal("SystemAssigned", (string?)topic["identity"]!["type"]);
        Assert.Equal("SystemAssigned", (string?)subscription["properties"]!["deliveryWithResourceIdentity"]!["identity"]!["type"]);
    }

    [Fact]
    public void The_topic_may_only_send_queue_messages_to_the_storage_account()
    {
        var assignment = Assert.Single(RoleAssignment.All(templates.Main), a => a.Principal.Contains("Microsoft.EventGrid/systemTopics", StringComparison.Ordinal));

        Assert.Equal("c6a89b2d-59bc-44d0-9896-0f6e12d7b80a", assignment.RoleDefinitionId);
        Assert.Contains("'Microsoft.Storage/storageAccounts'", assignment.Scope, StringComparison.Ordinal);
    }

    [Fact]
    public void Storage_account_has_the_delete_events_queue()
    {
        var (template, queues) = templates.Main.SingleResourceOfType("Microsoft.Storage/storageAccounts/queueServices/queues");

        Assert.Equal(["article-deletes"], template.Resolve(JsonValue.Create("[parameters('queueNames')]"))!.AsArray().Select(q => (string?)q));
        Assert.NotNull(queues["copy"]);
    }

    [Fact]
    public void Subscription_delivers_only_created_blobs_of_the_watched_container()
    {
        var (_, subscription) = templates.ArticlesSubscription.SingleResourceOfType("Microsoft.EventGrid/systemTopics/eventSubscriptions");
        var filter = subscription["properties"]!["filter"]!;

        Assert.Equal(["Microsoft.Storage.BlobCreated"], filter["includedEventTypes"]!.AsArray().Select(t => (string?)t));
        Assert.Equal(
            "[format('/blobServices/default/containers/{0}/blobs/', parameters('containerName'))]",
            (string?)filter["subjectBeginsWith"]);
    }

    [Fact]
    public void Subscription_calls_the_blob_extension_webhook_of_the_trigger_function()
    {
        var (_, subscription) = templates.ArticlesSubscription.SingleResourceOfType("Microsoft.EventGrid/systemTopics/eventSubscriptions");
        var destination = subscription["properties"]!["destination"]!;

        Assert.Equal("WebHook", (string?)destination["endpointType"]);
        Assert.StartsWith(
            "[format('https://{0}/runtime/webhooks/blobs?functionName=Host.Functions.{1}&code={2}'",
            (string?)destination["properties"]!["endpointUrl"]);
    }

    [Fact]
    public void Subscription_authenticates_with_the_host_blobs_extension_system_key()
    {
        var (_, subscription) = templates.ArticlesSubscription.SingleResourceOfType("Microsoft.EventGrid/systemTopics/eventSubscriptions");

        Assert.Contains(
            "listKeys(format('{0}/host/default', resourceId('Microsoft.Web/sites', parameters('functionAppName'))), '2025-03-01').systemKeys.blobs_extension",
            (string?)subscription["properties"]!["destination"]!["properties"]!["endpointUrl"]);
    }

    [Fact]
    public void Subscription_is_made_on_the_system_topic_provisioning_created()
    {
        var (_, subscription) = templates.ArticlesSubscription.SingleResourceOfType("Microsoft.EventGrid/systemTopics/eventSubscriptions");

        Assert.StartsWith("[format('{0}/{1}', parameters('systemTopicName'),", (string?)subscription["name"]);
        Assert.Contains("ARTICLES_EVENTS_SYSTEM_TOPIC_NAME", templates.Main.Outputs.Keys);
    }
}
