using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.Api;
using Pipeline.Api.Documentation;
using Pipeline.Storage;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>
/// The Functions host cannot run on these machines, so the contract with it is checked where it is written down:
/// the functions.metadata the worker SDK generates when the Functions project builds (this test project builds it
/// through its project reference).
/// </summary>
public sealed class FunctionMetadataTests
{
    private static readonly Lazy<JsonArray> Metadata = new(LoadMetadata);

    [Fact]
    public void Ingest_function_is_a_blob_trigger_on_the_container_the_storage_options_name()
    {
        var trigger = TriggerOf("IngestArticle");

        Assert.Equal("blobTrigger", (string?)trigger["type"]);
        Assert.Equal("%Pipeline:Storage:ArticlesContainer%/{name}", (string?)trigger["path"]);
        Assert.Equal("AzureWebJobsStorage", (string?)trigger["connection"]);
    }

    [Fact]
    public void Trigger_container_setting_is_the_one_the_storage_options_bind()
    {
        // Pipeline:Storage is BlobStorageOptions.SectionName, ArticlesContainer its property: one setting moves both.
        var setting = $"{BlobStorageOptions.SectionName}:{nameof(BlobStorageOptions.ArticlesContainer)}";

        Assert.StartsWith($"%{setting}%/", (string?)TriggerOf("IngestArticle")["path"]);
    }

    [Fact]
    public void Ingest_function_uses_the_event_grid_source_required_by_flex_consumption()
    {
        Assert.Equal("EventGrid", (string?)TriggerOf("IngestArticle")["source"]);
    }

    [Fact]
    public void Deletes_arrive_through_the_queue_event_grid_writes_blob_deleted_events_to()
    {
        var trigger = TriggerOf("RemoveDeletedArticles");

        Assert.Equal("queueTrigger", (string?)trigger["type"]);
        Assert.Equal("article-deletes", (string?)trigger["queueName"]);
        Assert.Equal("AzureWebJobsStorage", (string?)trigger["connection"]);
    }

    [Fact]
    public void Reconcile_runs_on_a_timer_as_the_safety_net_for_lost_events()
    {
        var trigger = TriggerOf("ReconcileArticles");

        Assert.Equal("timerTrigger", (string?)trigger["type"]);
        Assert.Equal("%Pipeline:Ingest:ReconcileSchedule%", (string?)trigger["schedule"]);
    }

    [Fact]
    public void Binding_expressions_use_the_configuration_key_spelling_the_host_resolves()
    {
        // The host looks settings up in its configuration, where the app setting A__B is the key A:B; %A__B% never resolves.
        Assert.NotEmpty(BindingExpressionSettings());
        Assert.All(BindingExpressionSettings(), setting => Assert.DoesNotContain("__", setting, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_binding_expression_setting_is_in_the_sample_local_settings()
    {
        // Missing, the host refuses to index the function (func start copies the sample's Values into the environment).
        var values = SampleSettings();

        Assert.All(BindingExpressionSettings(), setting =>
            Assert.True(values.ContainsKey(setting.Replace(":", "__", StringComparison.Ordinal)), $"local.settings.sample.json has no '{setting.Replace(":", "__", StringComparison.Ordinal)}'."));
    }

    [Fact]
    public void Sample_reconcile_schedule_is_a_six_field_ncrontab_expression()
    {
        var schedule = (string)SampleSettings()["Pipeline__Ingest__ReconcileSchedule"]!;

        Assert.Equal(6, schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("Search", "api/search", "get")]
    [InlineData("SearchPost", "api/search", "post")]
    [InlineData("Suggest", "api/suggest", "get")]
    [InlineData("GetArticle", "api/articles/{id}", "get")]
    [InlineData("GetRelated", "api/articles/{id}/related", "get")]
    [InlineData("Health", "api/health", "get")]
    [InlineData("OpenApi", "api/openapi.json", "get")]
    [InlineData("Docs", "api/docs", "get")]
    [InlineData("RecentUploads", "api/ingest/recent", "get")]
    public void Http_functions_serve_the_api_routes(string function, string route, string method)
    {
        var trigger = TriggerOf(function);

        Assert.Equal("httpTrigger", (string?)trigger["type"]);
        Assert.Equal(route, (string?)trigger["route"]);
        Assert.Equal([method], trigger["methods"]!.AsArray().Select(m => (string?)m));
    }

    [Theory]
    [InlineData("Search", "Function")]
    [InlineData("SearchPost", "Function")]
    [InlineData("Suggest", "Function")]
    [InlineData("GetArticle", "Function")]
    [InlineData("GetRelated", "Function")]
    [InlineData("Health", "Anonymous")]
    [InlineData("OpenApi", "Anonymous")]
    [InlineData("Docs", "Anonymous")]
    [InlineData("RecentUploads", "Function")]
    [InlineData("SearchPage", "Anonymous")]
    [InlineData("SearchPageAsset", "Anonymous")]
    public void Data_routes_need_a_function_key_and_health_does_not(string function, string authLevel)
    {
        Assert.Equal(authLevel, (string?)TriggerOf(function)["authLevel"]);
    }

    [Fact]
    public void Declares_exactly_the_pipeline_functions()
    {
        var names = Metadata.Value.Select(f => (string?)f!["name"]).Order();

        Assert.Equal(["Docs", "GetArticle", "GetRelated", "Health", "IngestArticle", "OpenApi", "RecentUploads", "ReconcileArticles", "RemoveDeletedArticles", "Search", "SearchPage", "SearchPageAsset", "SearchPost", "Suggest"], names);
    }

    [Fact]
    public void Host_has_no_route_prefix_so_the_search_page_can_be_at_the_site_root()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(FunctionsOutputDirectory(), "host.json")))!;

        Assert.Equal("", (string?)host["extensions"]!["http"]!["routePrefix"]);
    }

    [Fact]
    public void Search_page_is_served_at_the_site_root_and_its_files_under_page()
    {
        Assert.Equal("{ignored:maxlength(0)?}", (string?)TriggerOf("SearchPage")["route"]);
        Assert.Equal("page/{name}", (string?)TriggerOf("SearchPageAsset")["route"]);
    }

    [Fact]
    public void Http_functions_serve_exactly_the_operations_of_the_openapi_document()
    {
        var served = Metadata.Value
            .Select(function => TriggerOf((string)function!["name"]!))
            .Where(trigger => (string?)trigger["type"] == "httpTrigger" && ((string)trigger["route"]!).StartsWith(ApiRoutes.Prefix + "/", StringComparison.Ordinal))
            .SelectMany(trigger => trigger["methods"]!.AsArray().Select(method => $"{((string?)method)!.ToUpperInvariant()} /{(string)trigger["route"]!}"))
            .Order();

        var documented = ApiDocsPage.Operations(ApiDocument.Create()).Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}").Order();

        Assert.Equal(documented, served);
    }

    [Fact]
    public void Functions_that_serve_the_documentation_are_anonymous_as_the_document_says()
    {
        var anonymousInDocument = ApiDocsPage.Operations(ApiDocument.Create())
            .Where(o => o.Operation["security"] is JsonArray { Count: 0 })
            .Select(o => o.Path)
            .Order();

        var anonymousFunctions = Metadata.Value
            .Select(function => TriggerOf((string)function!["name"]!))
            .Where(trigger => (string?)trigger["type"] == "httpTrigger" && (string?)trigger["authLevel"] == "Anonymous")
            .Select(trigger => "/" + (string)trigger["route"]!)
            .Where(path => path.StartsWith($"/{ApiRoutes.Prefix}/", StringComparison.Ordinal))
            .Order();

        Assert.Equal(anonymousInDocument, anonymousFunctions);
    }

    [Fact]
    public void Build_output_carries_the_blob_extension_for_the_host()
    {
        var extensions = JsonNode.Parse(File.ReadAllText(Path.Combine(FunctionsOutputDirectory(), "extensions.json")))!;

        var names = extensions["extensions"]!.AsArray().Select(e => (string?)e!["name"]);
        Assert.Contains("AzureStorageBlobs", names);
    }

    /// <summary>Every %setting% that functions.metadata asks the host to resolve, in any binding.</summary>
    private static IReadOnlyList<string> BindingExpressionSettings() =>
        Metadata.Value
            .SelectMany(f => f!["bindings"]!.AsArray())
            .SelectMany(b => b!.AsObject().Select(p => p.Value))
            .OfType<JsonValue>()
            .Where(v => v.GetValueKind() == JsonValueKind.String)
            .SelectMany(v => Regex.Matches((string)v!, "%(?<name>[^%]+)%").Select(m => m.Groups["name"].Value))
            .Distinct()
            .ToArray();

    internal static JsonObject SampleSettings() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "local.settings.sample.json")))!["Values"]!.AsObject();

    private static JsonNode TriggerOf(string functionName)
    {
        var function = Metadata.Value.SingleOrDefault(f => (string?)f!["name"] == functionName)
            ?? throw new Xunit.Sdk.XunitException($"functions.metadata has no function named '{functionName}'.");
        return function["bindings"]!.AsArray().Single(b => ((string?)b!["type"])!.EndsWith("Trigger", StringComparison.Ordinal))!;
    }

    private static JsonArray LoadMetadata()
    {
        var path = Path.Combine(FunctionsOutputDirectory(), "functions.metadata");
        return JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true })!.AsArray();
    }

    private static string FunctionsOutputDirectory()
    {
        // The Functions project builds in the same configuration as this test assembly: bin/<Configuration>/net10.0/.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var directory = Path.Combine(TestData.RepositoryRoot, "src", "Pipeline.Functions", "bin", configuration, "net10.0");
        if (!File.Exists(Path.Combine(directory, "functions.metadata")))
        {
            throw new Xunit.Sdk.XunitException($"functions.metadata not found in '{directory}': the Functions project did not build there.");
        }

        return directory;
    }
}
