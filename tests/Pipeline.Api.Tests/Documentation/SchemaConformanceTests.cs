using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Api.Binding;
using Pipeline.Api.Documentation;
using Pipeline.Api.Tests.Support;
using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion.Status;
using Pipeline.Core.Related;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Facets;
using Pipeline.Core.Search.Suggestions;
using Pipeline.Core.Serialization;

namespace Pipeline.Api.Tests.Documentation;

/// <summary>
/// The document's schemas and what the API writes agree: real responses, with every property set, use exactly the
/// documented properties with the documented types, and every schema comes from a type the API serializes.
/// </summary>
public sealed class SchemaConformanceTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>
{
    private static readonly DateTimeOffset Noon = new(2025, 7, 14, 12, 0, 0, TimeSpan.Zero);

    private readonly ApiServer _server = fixture.Reset();

    private static JsonObject Schemas => ApiDocument.Create()["components"]!["schemas"]!.AsObject();

    [Fact]
    public void Every_schema_but_the_request_body_is_generated_from_a_type()
    {
        var generated = ComponentSchemas.Sources.Select(s => s.Name).Append(ApiDocument.SearchBodySchema).Order();

        Assert.Equal(generated, Schemas.Select(s => s.Key).Order());
    }

    [Fact]
    public void The_request_body_schema_names_exactly_the_properties_its_reader_accepts()
    {
        var documented = Schemas[ApiDocument.SearchBodySchema]!["properties"]!.AsObject().Select(p => p.Key).Order();

        Assert.Equal(SearchParameterNames.SearchBody.Order(), documented);
    }

    [Fact]
    public void Serialized_responses_use_exactly_the_documented_properties_and_types()
    {
        var checker = new SchemaChecker(Schemas);

        checker.Check("SearchResponse", Serialize(FullSearchResponse()));
        checker.Check("SearchResponse", Serialize(new SearchResponse("*", null, 10, 0, [SearchHits.Zurich])));
        checker.Check("SuggestResponse", Serialize(new SuggestResponse("ukra", [new Suggestion("ukraine-1", "Ukraine", "<b>Ukra</b>ine")])));
        checker.Check("Article", Serialize(FullArticle()));
        checker.Check("RelatedArticles", Serialize(FullRelatedArticles()));
        checker.Check("Health", Serialize(new HealthResponse("healthy", 3, HealthCheck.Answered, HealthCheck.Answered)));
        checker.Check("Health", Serialize(new HealthResponse("unhealthy", null, HealthCheck.Answered, HealthCheck.Failed("The index failed: gone"))));
        checker.Check("RecentUploads", Serialize(FullRecentUploads()));

        Assert.Empty(checker.Mismatches);
        // Problems are written by ASP.NET Core, not serialized by the API; the next test holds them to their schema.
        Assert.Empty(checker.UnseenProperties(ComponentSchemas.Sources.Select(s => s.Name).Where(name => name != "Problem")));
    }

    [Fact]
    public async Task Responses_the_api_writes_match_their_schemas()
    {
        _server.Index.Articles[FullArticle().Id] = FullArticle();
        _server.Index.SearchAnswer = FullSearchResults();
        var checker = new SchemaChecker(Schemas);

        checker.Check("Article", (await _server.GetAsync($"/api/articles/{FullArticle().Id}")).Ok());
        checker.Check("SearchResponse", (await _server.GetAsync("/api/search?q=peace&facet=language&highlight=body")).Ok());
        checker.Check("Health", (await _server.GetAsync("/api/health")).Ok());
        checker.Check("Problem", (await _server.GetAsync("/api/search?q=x&searchFields=title,language")).Problem(400));
        checker.Check("Problem", (await _server.GetAsync("/api/articles/no-such-article-00000000")).Problem(404));

        Assert.Empty(checker.Mismatches);
        // ASP.NET Core sets `instance` only when a handler does; ours do not.
        Assert.Equal(["Problem.instance"], checker.UnseenProperties(["Problem"]));
    }

    [Fact]
    public void The_checker_reports_a_property_the_schema_does_not_document()
    {
        var checker = new SchemaChecker(Schemas);
        var origin = Serialize(new ArticleOrigin("bbc/a.txt", "\"0x1\"", "text/plain", Noon));
        origin["colour"] = "blue";

        checker.Check("ArticleOrigin", origin);

        Assert.Equal(["ArticleOrigin: 'colour' is not documented"], checker.Mismatches);
    }

    [Fact]
    public void The_checker_reports_a_value_of_the_wrong_type()
    {
        var checker = new SchemaChecker(Schemas);
        var health = Serialize(new HealthResponse("healthy", 3, HealthCheck.Answered, HealthCheck.Answered));
        health["articles"] = "3";

        checker.Check("Health", health);

        Assert.Equal(["Health.articles: \"3\" is not of type integer"], checker.Mismatches);
    }

    private static JsonObject Serialize<T>(T value) => JsonSerializer.SerializeToNode(value, PipelineJson.Options)!.AsObject();

    private static RecentUploadsResponse FullRecentUploads() => new(
    [
        new UploadStatus("news/ukraine.html", "\"0x8DC\"", 2048, Noon, UploadOutcome.Indexed)
        {
            ArticleId = "ukraine-peace-talks-8f9241ac",
            Title = "Ukraine seeks new peace talks",
            Message = "indexed from an earlier upload of the same name",
        },
        new UploadStatus("news/broken.json", "\"0x8DD\"", 12, Noon, UploadOutcome.Rejected)
        {
            Reason = "malformed",
            Message = "The JSON is malformed.",
            Attempts = 1,
            RejectedAt = Noon,
        },
    ]);

    private static SearchResults FullSearchResults() => new(2, [SearchHits.Ukraine])
    {
        Facets = new Dictionary<string, IReadOnlyList<FacetBucket>>
        {
            ["language"] = [new FacetBucket(2) { Value = "en" }],
            ["published"] = [new FacetBucket(1) { Value = "2025-01-01T00:00:00Z", From = Noon.AddYears(-1), To = Noon }],
        },
    };

    private static SearchResponse FullSearchResponse()
    {
        var results = FullSearchResults();
        return new SearchResponse("peace", results.TotalCount, 10, 0, results.Hits) { Facets = results.Facets };
    }

    private static Article FullArticle() => new()
    {
        Id = "ukraine-peace-talks-8f9241ac",
        Source = new ArticleOrigin("news/ukraine.html", "\"0x8DC\"", "text/html", Noon),
        Format = ArticleFormat.Html,
        Title = "Ukraine seeks new peace talks",
        Authors = ["Jordan Hayes"],
        Published = Noon,
        Modified = Noon.AddHours(1),
        SiteName = "Daily Mail",
        CanonicalUrl = "https://example.org/ukraine",
        LeadImageUrl = "https://example.org/ukraine.jpg",
        Description = "Talks resume.",
        Sections = [new ArticleSection(null, ["Talks resume."]), new ArticleSection("Background", ["The war began in 2022."])],
        Body = "Talks resume.\n\nThe war began in 2022.",
        Related = [new RelatedLink("Earlier talks", "https://example.org/earlier")],
        Tags = ["politics"],
        Language = "en",
        WordCount = 8,
        ReadingTimeMinutes = 1,
        Summary = "Talks resume.",
        Keyphrases = ["peace talks"],
        Fingerprint = "00ff00ff00ff00ff",
        ContentHash = new string('a', 64),
        IngestedAt = Noon.AddHours(2),
    };

    private static RelatedArticles FullRelatedArticles() => new(
        "ukraine-peace-talks-8f9241ac",
        [
            new EditorialLink("Earlier talks", "https://example.org/earlier", "earlier-talks-1234abcd", 1) { Match = EditorialMatch.Exact },
            EditorialLink.Unresolved(new RelatedLink("A headline nobody indexed")),
        ],
        [new SimilarArticle("ceasefire-0a1b2c3d", "Ceasefire holds", 0.8, ["ceasefire", "talks"])]);

    /// <summary>
    /// Checks JSON against the document's OpenAPI 3.0 schemas: types, formats, enums, nullability, required
    /// properties, and no property the schema does not document. Remembers which documented properties it saw.
    /// </summary>
    private sealed class SchemaChecker(JsonObject schemas)
    {
        private readonly HashSet<string> _seen = [];

        public List<string> Mismatches { get; } = [];

        public void Check(string schemaName, JsonNode? value) => Check(schemaName, schemaName, Resolve(schemaName), value);

        /// <summary>Properties of these schemas (as <c>Schema.property</c>) that no checked JSON had.</summary>
        public IEnumerable<string> UnseenProperties(IEnumerable<string> schemaNames) =>
            schemaNames
                .SelectMany(name => schemas[name]!["properties"]!.AsObject().Select(p => $"{name}.{p.Key}"))
                .Except(_seen);

        private JsonObject Resolve(string name) => schemas[name]?.AsObject() ?? throw new InvalidOperationException($"No schema '{name}'.");

        private void Check(string owner, string path, JsonObject schema, JsonNode? value)
        {
            if (schema["$ref"] is { } reference)
            {
                var name = reference.GetValue<string>()[ComponentSchemas.ComponentPrefix.Length..];
                Check(name, path, Resolve(name), value);
                return;
            }

            if (schema["allOf"] is JsonArray all)
            {
                if (value is null)
                {
                    Expect(schema["nullable"] is not null, path, "is null, which the schema does not allow");
                    return;
                }

                foreach (var part in all)
                {
                    Check(owner, path, part!.AsObject(), value);
                }

                return;
            }

            if (value is null)
            {
                Expect(schema["nullable"] is not null, path, "is null, which the schema does not allow");
                return;
            }

            var type = (string?)schema["type"];
            var kind = value.GetValueKind();
            var matches = type switch
            {
                "string" => kind == JsonValueKind.String,
                "integer" => kind == JsonValueKind.Number && value.GetValue<JsonElement>().TryGetInt64(out _),
                "number" => kind == JsonValueKind.Number,
                "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
                "array" => kind == JsonValueKind.Array,
                "object" => kind == JsonValueKind.Object,
                _ => false,
            };
            if (!Expect(matches, path, $"{value.ToJsonString()} is not of type {type ?? "(none)"}"))
            {
                return;
            }

            if (schema["enum"] is JsonArray values)
            {
                Expect(values.Any(v => JsonNode.DeepEquals(v, value)), path, $"{value.ToJsonString()} is not one of {values.ToJsonString()}");
            }

            if ((string?)schema["format"] == "date-time")
            {
                Expect(DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, out _), path, $"{value.ToJsonString()} is not a date-time");
            }

            if (type == "array")
            {
                var index = 0;
                foreach (var item in value.AsArray())
                {
                    Check(owner, $"{path}[{index++}]", schema["items"]!.AsObject(), item);
                }
            }
            else if (type == "object")
            {
                CheckObject(owner, path, schema, value.AsObject());
            }
        }

        private void CheckObject(string owner, string path, JsonObject schema, JsonObject value)
        {
            var properties = schema["properties"]?.AsObject();
            foreach (var (name, item) in value)
            {
                if (properties?[name] is JsonObject property)
                {
                    _seen.Add($"{owner}.{name}");
                    Check(owner, $"{path}.{name}", property, item);
                }
                else if (schema["additionalProperties"] is JsonObject values)
                {
                    Check(owner, $"{path}[{name}]", values, item);
                }
                else
                {
                    Mismatches.Add($"{path}: '{name}' is not documented");
                }
            }

            foreach (var name in schema["required"]?.AsArray().Select(n => n!.GetValue<string>()) ?? [])
            {
                Expect(value.ContainsKey(name), path, $"lacks the required '{name}'");
            }
        }

        private bool Expect(bool condition, string path, string mismatch)
        {
            if (!condition)
            {
                Mismatches.Add($"{path}: {mismatch}");
            }

            return condition;
        }
    }
}
