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
            "Full-text search with Azure AI Search's parameters. Results are best first, or in `orderby` order; an empty or `*` query lists every article, newest first.",
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
                    ["schema"] = Ref("SearchBody"),
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
        "Answers once the index answers a query; anonymous, for probes.",
        [],
        Ok("Healthy.", "Health")));

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
            $"Comma-separated fields to return highlighted fragments for, in each hit's `highlights`: {Code(ArticleFieldNames.Highlightable)}.",
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

    private static JsonObject Schemas() => new()
    {
        ["SearchBody"] = Object(
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
            ]),
        ["SearchResponse"] = Object(
            "A page of search results.",
            [
                ("query", String(), "The query as given."),
                ("count", Long(), "All matches across pages; absent with `count=false`."),
                ("top", Integer(), "The page size used."),
                ("skip", Integer(), "The matches skipped."),
                ("value", ArrayOf(Ref("SearchHit")), "This page of matches; with `select`, only the selected properties."),
                ("facets", MapOf(ArrayOf(Ref("FacetBucket"))), "Buckets per requested facet field; absent when none was requested."),
            ],
            ["query", "top", "skip", "value"]),
        ["SearchHit"] = Object(
            "One match: enough to render a result list without loading the article.",
            [
                ("id", String(), "The article id."),
                ("title", String(), "The title."),
                ("score", Number(), "Relevance; higher is better."),
                ("authors", ArrayOf(String()), "Author names."),
                ("published", DateTime(), "Publication time, when known."),
                ("snippet", String(), "A passage of the body around the matches, HTML-escaped, with `<em>` around matches."),
                ("tags", ArrayOf(String()), "Tags the source assigns."),
                ("language", String(), "ISO 639-1 code."),
                ("source", String(), "The top-level folder of the blob name (`bbc` for `bbc/tech/001.txt`)."),
                ("siteName", String(), "The publication's name, when the source states it."),
                ("format", Enum(["plainText", "html", "markdown", "json"]), "The input format."),
                ("summary", String(), "The lead summary."),
                ("highlights", MapOf(ArrayOf(String())), "Highlighted fragments per requested field: HTML-escaped text with the pre/post tags around matches."),
            ],
            ["id", "title", "score"]),
        ["FacetBucket"] = Object(
            "One facet bucket. Value facets set `value`; range facets set `from` (inclusive) and/or `to` (exclusive); interval facets set `value` to the bucket start and both bounds.",
            [
                ("count", Long(), "Matches in the bucket."),
                ("value", String(), "The value, or an interval's start in ISO 8601."),
                ("from", DateTime(), "Inclusive lower bound of a range."),
                ("to", DateTime(), "Exclusive upper bound of a range."),
            ],
            ["count"]),
        ["SuggestResponse"] = Object(
            "Title suggestions.",
            [("query", String(), "The text as given."), ("value", ArrayOf(Ref("Suggestion")), "Suggestions, best first.")],
            ["query", "value"]),
        ["Suggestion"] = Object(
            "A suggested title.",
            [
                ("id", String(), "The article id."),
                ("title", String(), "The title as plain text."),
                ("text", String(), "The title HTML-escaped, with the pre/post tags around the matched words."),
            ],
            ["id", "title", "text"]),
        ["Article"] = Object(
            "A normalized article.",
            [
                ("id", String(), "Stable id derived from the blob name."),
                ("source", Ref("ArticleOrigin"), "The blob it came from."),
                ("format", Enum(["PlainText", "Html", "Markdown", "Json"]), "The detected input format."),
                ("title", String(), "The title."),
                ("authors", ArrayOf(String()), "Author names."),
                ("published", DateTime(), "Publication time, when the source states one."),
                ("modified", DateTime(), "Last modification, when the source states one."),
                ("siteName", String(), "The publication's name."),
                ("canonicalUrl", String(), "The page's canonical URL."),
                ("leadImageUrl", String(), "The lead image URL."),
                ("description", String(), "The source's own summary."),
                ("sections", ArrayOf(Ref("ArticleSection")), "The body in reading order."),
                ("body", String(), "Plain text, paragraphs separated by a blank line."),
                ("related", ArrayOf(Ref("RelatedLink")), "Editorial links found in the source."),
                ("tags", ArrayOf(String()), "Tags the source assigns."),
                ("language", String(), "ISO 639-1 code."),
                ("wordCount", Integer(), "Words in the body."),
                ("readingTimeMinutes", Integer(), "Minutes to read at 238 words a minute."),
                ("summary", String(), "The lead sentences."),
                ("keyphrases", ArrayOf(String()), "Terms the article is about, best first."),
                ("fingerprint", String(), "64-bit SimHash as hex, for near-duplicate detection."),
                ("contentHash", String(), "SHA-256 of what a reader sees."),
                ("ingestedAt", DateTime(), "When the pipeline indexed it."),
            ],
            ["id", "source", "format", "title", "body", "contentHash"]),
        ["ArticleOrigin"] = Object(
            "Where an article came from.",
            [
                ("blobName", String(), "The blob name in the `articles` container."),
                ("eTag", String(), "The blob version normalized."),
                ("contentType", String(), "The content type the uploader declared."),
            ],
            ["blobName"]),
        ["ArticleSection"] = Object(
            "A section of the body.",
            [("heading", Nullable(String()), "The heading; null for the lead."), ("paragraphs", ArrayOf(String()), "Plain-text paragraphs.")],
            ["paragraphs"]),
        ["RelatedLink"] = Object(
            "An editorial link as the source listed it.",
            [("title", String(), "The headline."), ("url", String(), "The target, when the source had one.")],
            ["title"]),
        ["RelatedArticles"] = Object(
            "An article's related links.",
            [
                ("id", String(), "The article id."),
                ("editorial", ArrayOf(Ref("EditorialLink")), "The article's own related headlines, in page order."),
                ("similar", ArrayOf(Ref("SimilarArticle")), "Content-based neighbours."),
            ],
            ["id", "editorial", "similar"]),
        ["EditorialLink"] = Object(
            "An editorial headline and the indexed article it resolves to.",
            [
                ("title", String(), "The headline."),
                ("url", String(), "The link target, when the source had one."),
                ("articleId", String(), "The indexed article it resolves to, when resolved."),
                ("confidence", Number(), "How sure the resolution is, 0 to 1."),
            ],
            ["title", "confidence"]),
        ["SimilarArticle"] = Object(
            "A content-based neighbour.",
            [
                ("id", String(), "The article id."),
                ("title", String(), "The title."),
                ("score", Number(), "Similarity; higher is closer."),
                ("sharedTerms", ArrayOf(String()), "The terms that drove the match."),
            ],
            ["id", "title", "score", "sharedTerms"]),
        ["RecentUploads"] = Object(
            "The body of GET /api/ingest/recent.",
            [("value", ArrayOf(Ref("UploadStatus")), "Uploads, newest first.")],
            ["value"]),
        ["UploadStatus"] = Object(
            "One upload and what ingest made of its current version.",
            [
                ("blobName", String(), "Name inside the articles container."),
                ("eTag", String(), "Current version of the blob."),
                ("length", Long(), "Size in bytes."),
                ("lastModified", DateTime(), "When this version was uploaded."),
                ("outcome", Enum(["indexed", "rejected", "pending"]), "`rejected`: a rejection record names this version; `indexed`: the index holds the blob's article (`message` says when it came from an earlier upload of the same name, as after a re-upload of unchanged content); `pending`: neither yet."),
                ("articleId", String(), "The blob's (first) article, when indexed."),
                ("title", String(), "Its title, when indexed."),
                ("reason", String(), "The rejection's reason code (`Empty`, `Binary`, `NoText`, `Malformed`, `Parked` …), when rejected."),
                ("message", String(), "What went wrong, when rejected; otherwise what else is known."),
                ("attempts", Integer(), "Failed tries of this version, when rejected."),
                ("rejectedAt", DateTime(), "The latest failed try, when rejected."),
            ],
            ["blobName", "length", "outcome"]),
        ["Health"] = Object(
            "Service health.",
            [("status", Enum(["healthy"]), "Always `healthy` when it answers."), ("articles", Long(), "Articles in the index.")],
            ["status", "articles"]),
        ["Problem"] = Object(
            "An RFC 7807 problem.",
            [
                ("type", String(), "A URI for the kind of problem."),
                ("title", String(), "A short summary."),
                ("status", Integer(), "The HTTP status."),
                ("detail", String(), "What went wrong and how to fix it."),
                ("parameter", String(), "The parameter at fault (400 only)."),
                ("position", Integer(), "Zero-based character offset of the mistake in the parameter's value, when known."),
            ],
            ["title", "status"]),
    };

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
