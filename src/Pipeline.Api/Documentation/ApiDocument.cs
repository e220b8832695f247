using System.Text.Json.Nodes;
using Pipeline.Core.Related;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Facets;
using Pipeline.Core.Search.Suggestions;
using Pipeline.Core.Serialization;
using static Pipeline.Api.Documentation.OpenApiSchemas;
using Names = Pipeline.Api.Binding.SearchParameterNames;

namespace Pipeline.Api.Documentation;

/// <summary>
/// The OpenAPI 3.0 document of the API, built in code so its limits, routes and field names are the constants the
/// handlers use (a test checks it against the routes the hosts map). Operations carry <c>x-examples</c>: example
/// requests the docs page turns into links, and a test runs through the binders.
/// </summary>
public static class ApiDocument
{
    public const string OpenApiVersion = "3.0.3";

    private const string ProblemJson = "application/problem+json";
    private const string ApplicationJson = "application/json";

    /// <summary>The one schema that describes a request rather than a type the API writes.</summary>
    internal const string SearchBodySchema = "SearchBody";

    private static readonly Lazy<JsonObject> Document = new(Build);
    private static readonly Lazy<string> Serialized = new(() => Document.Value.ToJsonString(PipelineJson.Indented));

    /// <summary>The document as served at <c>GET /api/openapi.json</c>.</summary>
    public static string Json => Serialized.Value;

    /// <summary>A fresh copy of the document, for reading.</summary>
    public static JsonObject Create() => JsonNode.Parse(Json)!.AsObject();

    /// <summary>The API path of a route, as the document's <c>paths</c> spell it.</summary>
    public static string PathOf(string route) => $"/{ApiRoutes.Prefix}/{route}";

    private static JsonObject Build() => new()
    {
        ["openapi"] = OpenApiVersion,
        ["info"] = new JsonObject
        {
            ["title"] = "Pipeline API",
            ["version"] = "1.0",
            ["description"] = Description,
        },
        ["servers"] = new JsonArray(new JsonObject { ["url"] = "/", ["description"] = "The host serving this document" }),
        ["tags"] = new JsonArray(
            Tag("search", "Full-text search, filters, facets and suggestions"),
            Tag("articles", "Normalized articles and their related links"),
            Tag("ingest", "What ingest made of the uploads"),
            Tag("service", "Health and this documentation")),
        ["paths"] = new JsonObject
        {
            [PathOf(ApiRoutes.Search)] = new JsonObject { ["get"] = SearchGet(), ["post"] = SearchPost() },
            [PathOf(ApiRoutes.Suggest)] = new JsonObject { ["get"] = Suggest() },
            [PathOf(ApiRoutes.Article)] = new JsonObject { ["get"] = GetArticle() },
            [PathOf(ApiRoutes.Related)] = new JsonObject { ["get"] = GetRelated() },
            [PathOf(ApiRoutes.RecentUploads)] = new JsonObject { ["get"] = RecentUploads() },
            [PathOf(ApiRoutes.Health)] = new JsonObject { ["get"] = Health() },
            [PathOf(ApiRoutes.OpenApi)] = new JsonObject { ["get"] = OpenApi() },
            [PathOf(ApiRoutes.Docs)] = new JsonObject { ["get"] = Docs() },
        },
        ["components"] = new JsonObject
        {
            ["parameters"] = new JsonObject
            {
                ["filter"] = FilterParameter(),
                ["highlightPreTag"] = Query(Names.HighlightPreTag, String(maxLength: ApiLimits.MaxHighlightTagLength),
                    $"Inserted before each highlighted match (default `{HighlightRequest.DefaultPreTag}`); the text around matches is HTML-escaped, the tag is not.",
                    "<mark>"),
                ["highlightPostTag"] = Query(Names.HighlightPostTag, String(maxLength: ApiLimits.MaxHighlightTagLength),
                    $"Inserted after each highlighted match (default `{HighlightRequest.DefaultPostTag}`).",
                    "</mark>"),
                ["articleId"] = new JsonObject
                {
                    ["name"] = "id",
                    ["in"] = "path",
                    ["required"] = true,
                    ["description"] = "The article id from a search hit: a slug of the blob name and a short hash, lower-case letters, digits and dashes.",
                    ["schema"] = String(),
                    ["example"] = "ukraine-peace-talks-8f9241ac",
                },
            },
            ["responses"] = new JsonObject
            {
                ["BadRequest"] = ProblemResponse(
                    "A parameter is wrong. `parameter` names it; `position` is the zero-based character offset of the mistake in its value, when known.",
                    new JsonObject
                    {
                        ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                        ["title"] = Problems.InvalidRequestTitle,
                        ["status"] = 400,
                        ["detail"] = "'top' must be a whole number from 0 to 100; got 1000.",
                        ["parameter"] = "top",
                    }),
                ["NotFound"] = ProblemResponse("No article with this id is indexed.", null),
                ["PayloadTooLarge"] = ProblemResponse($"The body is over {ApiLimits.MaxBodyBytes:N0} bytes.", null),
                ["UnsupportedMediaType"] = ProblemResponse("The body is not sent as `application/json`.", null),
            },
            ["schemas"] = Schemas(),
            ["securitySchemes"] = new JsonObject
            {
                ["functionKey"] = new JsonObject
                {
                    ["type"] = "apiKey",
                    ["in"] = "header",
                    ["name"] = "x-functions-key",
                    ["description"] = "In Azure the data routes need a function key; the local host needs none.",
                },
                ["functionKeyQuery"] = new JsonObject
                {
                    ["type"] = "apiKey",
                    ["in"] = "query",
                    ["name"] = "code",
                    ["description"] = "The function key as the `code` query parameter.",
                },
            },
        },
    };

    private static string Description =>
        $"""
        Search and read the articles the pipeline has normalized and indexed.

        **Errors** are RFC 7807 `application/problem+json` objects with a `detail` that says what to fix. A mistake
        in a parameter is a 400 whose `parameter` extension names it and whose `position` extension, when known, is
        the zero-based character offset of the mistake in the value (for a JSON body: in the body). Wrong user input
        is never answered with a 5xx.

        **Unknown parameters are rejected** (400), in the query string and in a JSON body, so a misspelt name cannot
        silently change results. Every endpoint accepts and ignores `code` (the Functions key) and `api-version`.
        A parameter may be given once, except `facet`; `$filter`, `$orderby`, `$top`, `$skip`, `$count` and
        `$select` are accepted as OData spellings of the same parameters.

        **Limits**: `top` ≤ {ApiLimits.MaxTop} (suggest: ≤ {ApiLimits.MaxSuggestTop}; related: ≤ {ApiLimits.MaxSimilar}),
        `skip` ≤ {ApiLimits.MaxSkip:N0}, `q` ≤ {ApiLimits.MaxQueryLength:N0} characters (suggest: 1–{ApiLimits.MaxSuggestQueryLength}),
        `filter` ≤ {ApiLimits.MaxFilterLength:N0} characters, each of `searchFields`, `facet`, `highlight`, `orderby`,
        `select` ≤ {ApiLimits.MaxExpressionLength:N0} characters, at most {ApiLimits.MaxFacets} facets of at most
        {ApiLimits.MaxFacetCount} values each, highlight tags ≤ {ApiLimits.MaxHighlightTagLength} characters, and a
        POST body ≤ {ApiLimits.MaxBodyBytes:N0} bytes (413 above).
        """;

    private static JsonObject SearchGet()
    {
        var operation = Operation(
            "search",
            "searchArticles",
            "Search articles",
            "Full-text search with Azure AI Search's parameters. Results are best first, or in `orderby` order; an empty or `*` query lists every article, newest first. " +
            "Each hit's `snippet` is the article's lead summary unless `highlight` includes `body`, which makes it a highlighted passage of the body.",
            SearchParameters(),
            Ok("The page of matches.", "SearchResponse"),
            badRequest: true);
        operation["x-examples"] = Examples(
            ("Words in any field", "q=ceasefire"),
            ("A phrase and a word, both required, in titles", "q=%22peace%20talks%22%20ukraine&searchMode=all&searchFields=title"),
            ("Full Lucene syntax", "q=title%3Aukraine%20AND%20body%3Aceasefir*&queryType=full"),
            ("Filter and facets", "q=*&filter=" + Uri.EscapeDataString("source eq 'bbc' and published ge 2004-01-01T00:00:00Z") +
                "&facet=" + Uri.EscapeDataString("tags,count:5") + "&facet=language&facet=" + Uri.EscapeDataString("published,interval:year")),
            ("Collection filter", "filter=" + Uri.EscapeDataString("tags/any(t: t eq 'politics')")),
            ("Highlights with your own tags", "q=ceasefire&highlight=title,body&highlightPreTag=%3Cmark%3E&highlightPostTag=%3C%2Fmark%3E"),
            ("Newest first, second page of five, three properties", "q=*&orderby=" + Uri.EscapeDataString("published desc") + "&top=5&skip=5&select=id,title,published"),
            ("Without the total", "q=economy&count=false&top=3"));
        return operation;
    }

    private static JsonObject SearchPost()
    {
        var operation = Operation(
            "search",
            "searchArticlesWithBody",
            "Search articles (JSON body)",
            $"The same search as `GET`, for queries and filters too long for a URL. The body has the same names with JSON types: `top`, `skip` numbers, `count` a boolean, and `facets` an array of facet expressions. Unknown properties are rejected. At most {ApiLimits.MaxBodyBytes:N0} bytes; the query string must be empty (apart from `code`).",
            [],
            Ok("The page of matches.", "SearchResponse"),
            badRequest: true);
        operation["requestBody"] = new JsonObject
        {
            ["required"] = true,
            ["content"] = new JsonObject
            {
                [ApplicationJson] = new JsonObject
                {
                    ["schema"] = Ref(SearchBodySchema),
                    ["example"] = new JsonObject
                    {
                        ["q"] = "ukraine peace",
                        ["searchMode"] = "all",
                        ["filter"] = "language eq 'en' and published ge 2020-01-01T00:00:00Z",
                        ["facets"] = new JsonArray("source", "published,interval:year"),
                        ["highlight"] = "body",
                        ["orderby"] = "published desc",
                        ["top"] = 5,
                        ["select"] = "id,title,published,highlights",
                    },
                },
            },
        };
        var responses = operation["responses"]!.AsObject();
        responses["413"] = new JsonObject { ["$ref"] = "#/components/responses/PayloadTooLarge" };
        responses["415"] = new JsonObject { ["$ref"] = "#/components/responses/UnsupportedMediaType" };
        return operation;
    }

    private static JsonObject Suggest()
    {
        var operation = Operation(
            "search",
            "suggestTitles",
            "Suggest titles",
            "Search-as-you-type: titles that complete what the user has typed so far, best first. The last word may be incomplete.",
            [
                Query(Names.Query, String(minLength: 1, maxLength: ApiLimits.MaxSuggestQueryLength), "The text typed so far.", "ukra", required: true),
                Query(Names.Top, Integer(1, ApiLimits.MaxSuggestTop, SuggestRequest.DefaultTop), "How many suggestions. Also `$top`.", null),
                Query(Names.Fuzzy, Boolean(false), "Tolerate one typo per word (edit distance 1).", null),
                ParameterRef("filter"),
                ParameterRef("highlightPreTag"),
                ParameterRef("highlightPostTag"),
            ],
            Ok("Suggestions, best first.", "SuggestResponse"),
            badRequest: true);
        operation["x-examples"] = Examples(
            ("The start of a word", "q=ukra"),
            ("With a typo", "q=ukarine&fuzzy=true&top=3"),
            ("Bold matches", "q=peace&highlightPreTag=%3Cb%3E&highlightPostTag=%3C%2Fb%3E"));
        return operation;
    }

    private static JsonObject GetArticle() => Operation(
        "articles",
        "getArticle",
        "Get an article",
        "The whole normalized article. Articles are removed by deleting their blob; there is no DELETE over HTTP.",
        [ParameterRef("articleId")],
        Ok("The article.", "Article"),
        badRequest: true,
        notFound: true);

    private static JsonObject GetRelated() => Operation(
        "articles",
        "getRelatedArticles",
        "Get related articles",
        "The article's own editorial links (\"KEEP READING\", \"Related\") in page order, and content-based neighbours with the terms they share.",
        [
            ParameterRef("articleId"),
            Query(Names.Top, Integer(0, ApiLimits.MaxSimilar, RelatedArticlesService.DefaultSimilarCount), "How many similar articles.", null),
        ],
        Ok("The related links.", "RelatedArticles"),
        badRequest: true,
        notFound: true);

    private static JsonObject RecentUploads() => Operation(
        "ingest",
        "getRecentUploads",
        "Recent uploads",
        "The most recently written blobs of the articles container, newest first, each with what ingest made of its current version: `indexed` (with the article), `rejected` (with the reason code and message of its rejection record) or `pending`. Read from storage and the index; nothing else is kept for it.",
        [Query(Names.Top, Integer(1, ApiLimits.MaxRecentUploads, IngestStatusApi.DefaultTop), "How many uploads.", null)],
        Ok("The uploads, newest first.", "RecentUploads"),
        badRequest: true);

    private static JsonObject Health() => Anonymous(Operation(
        "service",
        "getHealth",
        "Health",
        "Asks blob storage and the index whether they answer (a metadata read and a query for everything), with the index's document count. The answer is reused for a second, so frequent probes cost no more. Anonymous, for probes.",
        [],
        HealthResponses()));

    private static JsonObject HealthResponses()
    {
        var responses = Ok("Storage and the index answer.", "Health");
        responses["503"] = new JsonObject
        {
            ["description"] = "Storage or the index does not answer; `reason` says which and why.",
            ["content"] = new JsonObject { [ApplicationJson] = new JsonObject { ["schema"] = Ref("Health") } },
        };
        return responses;
    }

    private static JsonObject OpenApi() => Anonymous(Operation(
        "service",
        "getOpenApiDocument",
        "This OpenAPI document",
        "OpenAPI 3.0 description of the API; anonymous.",
        [],
        new JsonObject { ["200"] = new JsonObject { ["description"] = "The document.", ["content"] = new JsonObject { [ApplicationJson] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" } } } } }));

    private static JsonObject Docs() => Anonymous(Operation(
        "service",
        "getDocs",
        "API documentation page",
        "This document rendered as a self-contained HTML page (no scripts or styles from elsewhere), with forms to try each operation; anonymous.",
        [],
        new JsonObject { ["200"] = new JsonObject { ["description"] = "The page.", ["content"] = new JsonObject { ["text/html"] = new JsonObject { ["schema"] = String() } } } }));

    private static JsonArray SearchParameters() =>
    [
        Query(Names.Query, String(maxLength: ApiLimits.MaxQueryLength),
            "The query. Simple syntax: `storm flood` (any word), `\"peace talks\"` (phrase), `-sport` (exclude), `+ukraine` (required), `ceasefir*` (prefix). With `queryType=full`, Lucene syntax: `title:ukraine AND body:peace`, `ceasefir~1`, `\"peace talks\"~3`, `ukraine^2`. Empty or `*` matches everything.",
            "ukraine peace"),
        Query(Names.QueryType, Enum(["simple", "full"], "simple"), "The syntax of `q`.", "full"),
        Query(Names.SearchMode, Enum(["any", "all"], "any"), "Whether any or all of the query's words must match.", "all"),
        Query(Names.SearchFields, String(maxLength: ApiLimits.MaxExpressionLength),
            $"Comma-separated fields `q` searches; all of them when absent: {Code(ArticleFieldNames.Searchable)}.",
            "title,body"),
        ParameterRef("filter"),
        Facet(),
        Query(Names.Highlight, String(maxLength: ApiLimits.MaxExpressionLength),
            $"Comma-separated fields to return highlighted fragments for, in each hit's `highlights`: {Code(ArticleFieldNames.Highlightable)}. " +
            "With `body`, each hit's `snippet` is also a passage of the body around the matches, with `<em>` around them, instead of the article's lead summary (slower: every hit's body is read).",
            "title,body"),
        ParameterRef("highlightPreTag"),
        ParameterRef("highlightPostTag"),
        Query(Names.OrderBy, String(maxLength: ApiLimits.MaxExpressionLength),
            $"Comma-separated sort keys, each optionally followed by `asc` or `desc`: `{OrderByClause.Score}` (relevance) or {Code(ArticleFieldNames.Sortable)}. Relevance when absent. Also `$orderby`.",
            "published desc"),
        Query(Names.Top, Integer(0, ApiLimits.MaxTop, SearchRequest.DefaultTop), "Page size. Also `$top`.", null),
        Query(Names.Skip, Integer(0, ApiLimits.MaxSkip, 0), "Matches to skip, for paging. Also `$skip`.", null),
        Query(Names.Count, Boolean(true), "Whether to count all matches into `count`. Also `$count`.", null),
        Query(Names.Select, String(maxLength: ApiLimits.MaxExpressionLength),
            $"Comma-separated hit properties to return, or `*` for all: {Code(SearchFieldList.Selectable)}. Also `$select`.",
            "id,title,published"),
    ];

    private static JsonObject FilterParameter() => Query(
        Names.Filter,
        String(maxLength: ApiLimits.MaxFilterLength),
        $"""
        An OData filter in the subset Azure AI Search accepts, over {Code(ArticleFieldNames.Filterable)}.
        Comparisons `eq ne gt ge lt le` with 'strings', dates (`2024-01-01T00:00:00Z`) and `null`;
        `search.in(source, 'bbc,reuters')`; `tags/any(t: t eq 'politics')` over the collections {Code(ArticleFieldNames.Collections)};
        `and`, `or`, `not (…)` and parentheses. Names and keywords are case-sensitive. Also `$filter`.
        """,
        "language eq 'en' and published ge 2020-01-01T00:00:00Z");

    private static JsonObject Facet()
    {
        var facet = Query(
            Names.Facet,
            ArrayOf(String(maxLength: ApiLimits.MaxExpressionLength), ApiLimits.MaxFacets),
            $"""
            A facet to count over all matches; repeat it for more (at most {ApiLimits.MaxFacets}). A field from {Code(ArticleFieldNames.Facetable)},
            then options: `tags,count:5` (the {FacetRequest.DefaultCount} most frequent values by default, at most {ApiLimits.MaxFacetCount}),
            `published,interval:month` (`day`, `week`, `month`, `quarter`, `year`, UTC), or
            `published,values:2020-01-01T00:00:00Z|2024-01-01T00:00:00Z` (ranges between ascending boundaries).
            The JSON body spells it `facets`, an array.
            """,
            "tags,count:5");
        facet["style"] = "form";
        facet["explode"] = true;
        return facet;
    }

    /// <summary>
    /// The request body, built from the names and limits its reader uses, then the response schemas, generated from
    /// the types the API serializes (see <see cref="ComponentSchemas"/>).
    /// </summary>
    private static JsonObject Schemas()
    {
        var schemas = new JsonObject { [SearchBodySchema] = SearchBody() };
        foreach (var (name, schema) in ComponentSchemas.Generate().ToList())
        {
            schemas[name] = schema!.DeepClone();
        }

        return schemas;
    }

    private static JsonObject SearchBody() =>
        Object(
            "The body of POST /api/search: the GET parameters as JSON properties.",
            [
                (Names.Query, String(maxLength: ApiLimits.MaxQueryLength), "As `q`."),
                (Names.QueryType, Enum(["simple", "full"], "simple"), "As `queryType`."),
                (Names.SearchMode, Enum(["any", "all"], "any"), "As `searchMode`."),
                (Names.SearchFields, String(maxLength: ApiLimits.MaxExpressionLength), "As `searchFields`."),
                (Names.Filter, String(maxLength: ApiLimits.MaxFilterLength), "As `filter`."),
                (Names.Facets, ArrayOf(String(maxLength: ApiLimits.MaxExpressionLength), ApiLimits.MaxFacets), "As repeated `facet`."),
                (Names.Highlight, String(maxLength: ApiLimits.MaxExpressionLength), "As `highlight`."),
                (Names.HighlightPreTag, String(maxLength: ApiLimits.MaxHighlightTagLength), "As `highlightPreTag`."),
                (Names.HighlightPostTag, String(maxLength: ApiLimits.MaxHighlightTagLength), "As `highlightPostTag`."),
                (Names.OrderBy, String(maxLength: ApiLimits.MaxExpressionLength), "As `orderby`."),
                (Names.Top, Integer(0, ApiLimits.MaxTop, SearchRequest.DefaultTop), "As `top`."),
                (Names.Skip, Integer(0, ApiLimits.MaxSkip, 0), "As `skip`."),
                (Names.Count, Boolean(true), "As `count`."),
                (Names.Select, String(maxLength: ApiLimits.MaxExpressionLength), "As `select`."),
            ]);

    private static JsonObject Operation(
        string tag, string operationId, string summary, string description, JsonArray parameters, JsonObject responses, bool badRequest = false, bool notFound = false)
    {
        if (badRequest)
        {
            responses["400"] = new JsonObject { ["$ref"] = "#/components/responses/BadRequest" };
        }

        if (notFound)
        {
            responses["404"] = new JsonObject { ["$ref"] = "#/components/responses/NotFound" };
        }

        return new JsonObject
        {
            ["tags"] = new JsonArray(tag),
            ["operationId"] = operationId,
            ["summary"] = summary,
            ["description"] = description,
            ["parameters"] = parameters,
            ["responses"] = responses,
            ["security"] = new JsonArray(
                new JsonObject { ["functionKey"] = new JsonArray() },
                new JsonObject { ["functionKeyQuery"] = new JsonArray() }),
        };
    }

    private static JsonObject Anonymous(JsonObject operation)
    {
        // An empty requirement list overrides the key: anyone may call it.
        operation["security"] = new JsonArray();
        return operation;
    }

    private static JsonObject Query(string name, JsonObject schema, string description, string? example, bool required = false)
    {
        var parameter = new JsonObject
        {
            ["name"] = name,
            ["in"] = "query",
            ["description"] = description,
            ["required"] = required,
            ["schema"] = schema,
        };
        if (example is not null)
        {
            parameter["example"] = schema["type"]?.GetValue<string>() == "array" ? new JsonArray(example) : example;
        }

        return parameter;
    }

    private static JsonObject ParameterRef(string name) => new() { ["$ref"] = "#/components/parameters/" + name };

    private static JsonObject Ok(string description, string schema) => new()
    {
        ["200"] = new JsonObject
        {
            ["description"] = description,
            ["content"] = new JsonObject { [ApplicationJson] = new JsonObject { ["schema"] = Ref(schema) } },
        },
    };

    private static JsonObject ProblemResponse(string description, JsonObject? example)
    {
        var media = new JsonObject { ["schema"] = Ref("Problem") };
        if (example is not null)
        {
            media["example"] = example;
        }

        return new JsonObject { ["description"] = description, ["content"] = new JsonObject { [ProblemJson] = media } };
    }

    private static JsonObject Tag(string name, string description) => new() { ["name"] = name, ["description"] = description };

    private static JsonArray Examples(params (string Summary, string Query)[] examples) =>
        [.. examples.Select(e => new JsonObject { ["summary"] = e.Summary, ["query"] = e.Query })];

    private static string Code(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"`{n}`"));
}
