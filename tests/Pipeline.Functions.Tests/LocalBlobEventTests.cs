using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.Functions.Ingestion;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>
/// src/Pipeline.Functions/test.http: under <c>func start</c> Azurite emits no Event Grid events, so the request plays
/// Event Grid's part. What can be checked without a host: it addresses the trigger that exists, in the form the blob
/// extension's webhook takes, for a blob in the container the trigger watches.
/// </summary>
public sealed partial class LocalBlobEventTests
{
    private static readonly Lazy<string> Text = new(() =>
        File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "src", "Pipeline.Functions", "test.http")));

    [Fact]
    public void Request_posts_to_the_blob_extension_webhook_of_the_ingest_function()
    {
        Assert.Matches(@"(?m)^POST \{\{host\}\}/runtime/webhooks/blobs\?functionName=Host\.Functions\.\{\{functionName\}\}$", Text.Value);
        Assert.Equal(IngestArticleFunction.Name, Variable("functionName"));
    }

    [Fact]
    public void Request_goes_to_the_port_func_start_listens_on()
    {
        Assert.Equal("http://localhost:7071", Variable("host"));
    }

    [Fact]
    public void Request_is_marked_as_an_event_grid_notification()
    {
        Assert.Matches(@"(?mi)^aeg-event-type: Notification$", Text.Value);
        Assert.Matches(@"(?mi)^Content-Type: application/json$", Text.Value);
    }

    [Fact]
    public void Event_is_a_blob_created_event()
    {
        Assert.Equal("Microsoft.Storage.BlobCreated", (string?)Event()["type"]);
    }

    [Fact]
    public void Event_names_a_blob_in_the_container_the_local_settings_point_the_trigger_at()
    {
        var container = (string?)FunctionMetadataTests.SampleSettings()["Pipeline__Storage__ArticlesContainer"];

        Assert.Equal(container, Variable("container"));
        Assert.Equal($"/blobServices/default/containers/{container}/blobs/{Variable("blobName")}", (string?)Event()["subject"]);
    }

    [Fact]
    public void Event_url_is_the_blob_in_azurite()
    {
        var url = new Uri((string)Event()["data"]!["url"]!);

        Assert.Equal("127.0.0.1", url.Host);
        Assert.Equal($"/devstoreaccount1/{Variable("container")}/{Variable("blobName")}", url.AbsolutePath);
    }

    private static string Variable(string name) =>
        VariableDeclaration().Matches(Text.Value).Single(m => m.Groups["name"].Value == name).Groups["value"].Value.Trim();

    // The request body: the JSON after the headers, with {{variables}} replaced as an HTTP client would.
    private static JsonNode Event()
    {
        var body = Text.Value[Text.Value.IndexOf("\n{", StringComparison.Ordinal)..];
        var expanded = VariableUse().Replace(body, m => Variable(m.Groups["name"].Value));
        return JsonNode.Parse(expanded)!;
    }

    [GeneratedRegex(@"(?m)^@(?<name>\w+)\s*=\s*(?<value>.+)$")]
    private static partial Regex VariableDeclaration();

    [GeneratedRegex(@"\{\{(?<name>\w+)\}\}")]
    private static partial Regex VariableUse();
}
