using System.Net;
using System.Text.Json.Nodes;
using Azure.Core.Pipeline;
using Azure.Search.Documents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Pipeline.Search.AzureAISearch.Tests;

/// <summary>
/// A stand-in Azure AI Search service at the HTTP boundary: answers each operation with the status and JSON a test
/// set up, records every request, and builds the index under test against it.
/// </summary>
internal sealed class FakeSearchService
{
    public const string IndexName = "articles";

    public FakeSearchService() => Handler = new RecordingHandler(Respond);

    public RecordingHandler Handler { get; }

    /// <summary>What <c>PUT /indexes('articles')</c> answers once <see cref="IndexDefinitionAnswers"/> is used up.</summary>
    public (HttpStatusCode Status, string Body) IndexDefinition { get; set; } = (HttpStatusCode.OK, """{ "name": "articles", "fields": [] }""");

    /// <summary>Answers to the first index definition writes, in order.</summary>
    public Queue<(HttpStatusCode Status, string Body)> IndexDefinitionAnswers { get; } = new();

    /// <summary>What <c>GET /indexes('articles')</c> answers.</summary>
    public (HttpStatusCode Status, string Body) ExistingIndex { get; set; } = (HttpStatusCode.NotFound, Error("Not found"));

    public (HttpStatusCode Status, string Body) Search { get; set; } = (HttpStatusCode.OK, """{ "value": [] }""");

    public (HttpStatusCode Status, string Body) Suggest { get; set; } = (HttpStatusCode.OK, """{ "value": [] }""");

    public (HttpStatusCode Status, string Body) Document { get; set; } = (HttpStatusCode.NotFound, Error("Not found"));

    /// <summary>The JSON body of the last search request.</summary>
    public JsonNode LastSearch => Body(Handler.Requests.Last(r => IsOperation(r.Uri, "search.post.search")));

    /// <summary>The JSON body of the last suggest request.</summary>
    public JsonNode LastSuggest => Body(Handler.Requests.Last(r => IsOperation(r.Uri, "search.post.suggest")));

    public IEnumerable<(HttpMethod Method, Uri Uri, string? Body)> IndexDefinitionWrites => Handler.Requests.Where(r => r.Method == HttpMethod.Put);

    public static string Error(string message) => new JsonObject { ["error"] = new JsonObject { ["code"] = "", ["message"] = message } }.ToJsonString();

    public AzureAISearchArticleIndex CreateIndex(ILogger<AzureAISearchArticleIndex>? logger = null)
    {
        var clientOptions = new SearchClientOptions { Transport = new HttpClientTransport(new HttpClient(Handler)) };
        clientOptions.Retry.MaxRetries = 0;
        var options = new AzureAISearchOptions { Endpoint = new Uri("https://unit-test.search.windows.net"), ApiKey = "test-key", IndexName = IndexName };
        var client = AzureAISearchServiceCollectionExtensions.CreateIndexClient(options, clientOptions);
        return new AzureAISearchArticleIndex(client, options.IndexName, logger ?? NullLogger<AzureAISearchArticleIndex>.Instance);
    }

    private (HttpStatusCode Status, string Body) Respond(HttpRequestMessage request, string? body)
    {
        var path = Uri.UnescapeDataString(request.RequestUri!.AbsolutePath);
        if (IsOperation(request.RequestUri, "search.index"))
        {
            return (HttpStatusCode.OK, Indexed(body!));
        }

        if (IsOperation(request.RequestUri, "search.post.search"))
        {
            return Search;
        }

        if (IsOperation(request.RequestUri, "search.post.suggest"))
        {
            return Suggest;
        }

        if (path.Contains("/docs(", StringComparison.Ordinal))
        {
            return Document;
        }

        if (request.Method != HttpMethod.Put)
        {
            return ExistingIndex;
        }

        return IndexDefinitionAnswers.TryDequeue(out var answer) ? answer : IndexDefinition;
    }

    // Every action in the batch succeeds.
    private static string Indexed(string batch)
    {
        var results = new JsonArray();
        foreach (var action in JsonNode.Parse(batch)!["value"]!.AsArray())
        {
            results.Add(new JsonObject { ["key"] = (string?)action!["id"], ["status"] = true, ["statusCode"] = 200 });
        }

        return new JsonObject { ["value"] = results }.ToJsonString();
    }

    private static bool IsOperation(Uri uri, string operation) => uri.AbsolutePath.EndsWith("/docs/" + operation, StringComparison.Ordinal);

    private static JsonNode Body((HttpMethod Method, Uri Uri, string? Body) request) => JsonNode.Parse(request.Body!)!;
}
