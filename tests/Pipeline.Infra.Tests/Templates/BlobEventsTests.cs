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
    public void Provisioning_creates_no_subscription_because_the_webhook_key_exists_only_after_deployment()
    {
        Assert.Empty(templates.Main.AllResourcesOfType("Microsoft.EventGrid/systemTopics/eventSubscriptions"));
        Assert.Empty(templates.Main.AllResourcesOfType("Microsoft.EventGrid/eventSubscriptions"));
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
            "listKeys(format('{0}/host/default', resourceId('Microsoft.Web/sites', parameters('functionAppName'))), '2024-11-01').systemKeys.blobs_extension",
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
