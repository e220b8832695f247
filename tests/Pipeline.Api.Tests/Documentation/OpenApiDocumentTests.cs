using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Api.Documentation;
using Pipeline.Api.Tests.Support;

namespace Pipeline.Api.Tests.Documentation;

/// <summary>The OpenAPI document: served, valid, and in step with the routes and limits the code has.</summary>
public sealed class OpenApiDocumentTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>
{
    private readonly ApiServer _server = fixture.Reset();

    [Fact]
    public async Task The_document_is_served_as_openapi_3_json()
    {
        var response = await _server.GetAsync("/api/openapi.json");

        var document = response.Ok();
        Assert.Equal("application/json", response.MediaType);
        Assert.Equal("3.0.3", (string?)document["openapi"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)document["info"]!["title"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)document["info"]!["version"]));
    }

    [Fact]
    public void The_document_lists_exactly_the_routes_the_api_maps()
    {
        var mapped = _server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods
                .Select(method => $"{method} {endpoint.RoutePattern.RawText}"))
            .Where(route => route.Contains($" /{ApiRoutes.Prefix}/", StringComparison.Ordinal)) // not the search page at / and /page/
            .Order();

        var documented = ApiDocsPage.Operations(ApiDocument.Create()).Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}").Order();

        Assert.Equal(documented, mapped);
    }

    [Fact]
    public void Every_operation_has_a_unique_id_a_summary_and_responses()
    {
        var operations = ApiDocsPage.Operations(ApiDocument.Create()).ToList();

        Assert.Equal(operations.Count, operations.Select(o => (string?)o.Operation["operationId"]).Distinct().Count());
        Assert.All(operations, o =>
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)o.Operation["summary"]));
            Assert.NotNull(o.Operation["responses"]!["200"]);
        });
    }

    [Fact]
    public void Every_reference_resolves()
    {
        var document = ApiDocument.Create();

        var references = Descendants(document).OfType<JsonObject>().Select(o => o["$ref"]).OfType<JsonValue>().Select(r => r.GetValue<string>()).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, reference =>
        {
            JsonNode? target = document;
            foreach (var segment in reference.TrimStart('#', '/').Split('/'))
            {
                target = target?[segment];
            }

            Assert.True(target is not null, $"'{reference}' does not resolve.");
        });
    }

    [Fact]
    public void Every_path_parameter_is_declared()
    {
        foreach (var (path, _, operation) in ApiDocsPage.Operations(ApiDocument.Create()))
        {
            var declared = operation["parameters"]!.AsArray().Select(p => p!["$ref"] is null ? (string?)p["name"] : "id");
            foreach (var name in System.Text.RegularExpressions.Regex.Matches(path, @"\{(\w+)\}").Select(m => m.Groups[1].Value))
            {
                Assert.Contains(name, declared);
            }
        }
    }

    [Fact]
    public void The_search_limits_are_the_ones_the_api_enforces()
    {
        var parameters = SearchGetParameters();

        Assert.Equal(ApiLimits.MaxTop, (int)parameters["top"]["schema"]!["maximum"]!);
        Assert.Equal(ApiLimits.MaxSkip, (int)parameters["skip"]["schema"]!["maximum"]!);
        Assert.Equal(ApiLimits.MaxQueryLength, (int)parameters["q"]["schema"]!["maxLength"]!);
        Assert.Equal(ApiLimits.MaxFilterLength, (int)parameters["filter"]["schema"]!["maxLength"]!);
        Assert.Equal(ApiLimits.MaxFacets, (int)parameters["facet"]["schema"]!["maxItems"]!);
        Assert.Equal(ApiLimits.MaxHighlightTagLength, (int)parameters["highlightPreTag"]["schema"]!["maxLength"]!);
    }

    [Fact]
    public void The_document_names_every_search_parameter_the_api_reads()
    {
        var documented = SearchGetParameters().Keys.Order();

        Assert.Equal(Binding.SearchParameterNames.SearchQueryString.Names.Order(), documented);
    }

    [Fact]
    public async Task Every_example_request_in_the_document_is_accepted()
    {
        var examples = ApiDocsPage.Operations(ApiDocument.Create())
            .Where(o => o.Operation["x-examples"] is JsonArray)
            .SelectMany(o => o.Operation["x-examples"]!.AsArray().Select(e => $"{o.Path}?{(string)e!["query"]!}"))
            .ToList();

        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            var response = await _server.GetAsync(example);
            Assert.True(response.Status == 200, $"{example} was answered {response.Status}: {response.Body}");
        }
    }

    [Fact]
    public async Task The_example_body_of_a_posted_search_is_accepted()
    {
        var example = ApiDocument.Create()["paths"]!["/api/search"]!["post"]!["requestBody"]!["content"]!["application/json"]!["example"]!;

        (await _server.PostJsonAsync("/api/search", example.ToJsonString())).Ok();
    }

    [Fact]
    public void Data_routes_need_a_key_and_the_service_routes_do_not()
    {
        var anonymous = ApiDocsPage.Operations(ApiDocument.Create())
            .Where(o => o.Operation["security"] is JsonArray { Count: 0 })
            .Select(o => o.Path)
            .Order();

        Assert.Equal(["/api/docs", "/api/health", "/api/openapi.json"], anonymous);
    }

    private static Dictionary<string, JsonObject> SearchGetParameters()
    {
        var document = ApiDocument.Create();
        return document["paths"]!["/api/search"]!["get"]!["parameters"]!.AsArray()
            .Select(p => p!["$ref"] is JsonValue reference
                ? document["components"]!["parameters"]![reference.GetValue<string>().Split('/')[^1]]!.AsObject()
                : p.AsObject())
            .ToDictionary(p => (string)p["name"]!);
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }
}
