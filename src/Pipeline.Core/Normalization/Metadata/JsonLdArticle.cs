using System.Text.Json;
using AngleSharp.Dom;

namespace Pipeline.Core.Normalization.Metadata;

/// <summary>
/// The article object a page describes in JSON-LD (<c>&lt;script type="application/ld+json"&gt;</c>): the first
/// schema.org Article-type node, found at the top level, in arrays or in <c>@graph</c>. Its values are read as raw
/// strings; cleaning them is the caller's job.
/// </summary>
/// <remarks>
/// JSON-LD is the most deliberate metadata a page carries (it is written for search engines, which check it), so it
/// ranks first. Nodes may refer to each other by <c>@id</c> (an author or publisher declared once in the graph), so
/// references are resolved against every node with an id in the same page.
/// </remarks>
internal sealed class JsonLdArticle
{
    // Nesting beyond this is not metadata anyone writes; it bounds work on hostile scripts.
    private const int MaxJsonDepth = 32;

    // Readability's threshold for "this candidate is the document's title".
    private const double MinTitleSimilarity = 0.75;

    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "ReviewNewsArticle", "BackgroundNewsArticle", "AskPublicEditorArticle", "LiveBlogPosting", "SocialMediaPosting",
        "TechArticle", "ScholarlyArticle", "Report", "SatiricalArticle", "AdvertiserContentArticle",
    };

    private static readonly HashSet<string> WebSiteTypes = new(StringComparer.OrdinalIgnoreCase) { "WebSite" };

    private static readonly JsonDocumentOptions ParseOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    private readonly JsonElement _article;
    private readonly Dictionary<string, JsonElement> _nodesById;
    private readonly JsonElement? _webSite;

    private JsonLdArticle(JsonElement article, Dictionary<string, JsonElement> nodesById, JsonElement? webSite)
    {
        _article = article;
        _nodesById = nodesById;
        _webSite = webSite;
    }

    /// <summary>The page's JSON-LD article, or null when it has none (or only unparseable JSON-LD).</summary>
    public static JsonLdArticle? From(IDocument document)
    {
        var nodes = new List<JsonElement>();
        foreach (var script in document.QuerySelectorAll("script[type]"))
        {
            if (!script.GetAttribute("type")!.Trim().Equals("application/ld+json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var json = StripWrapper(script.TextContent);
            if (json.Length == 0)
            {
                continue;
            }

            try
            {
                // Cloned so the elements outlive the JsonDocument that owned them.
                using var parsed = JsonDocument.Parse(json, ParseOptions);
                CollectNodes(parsed.RootElement.Clone(), nodes, depth: 0);
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common (template leftovers, trailing garbage); the page's other metadata still counts.
            }
        }

        var byId = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        JsonElement? article = null;
        JsonElement? webSite = null;
        foreach (var node in nodes)
        {
            if (GetString(node, "@id") is { } id)
            {
                byId.TryAdd(id, node);
            }

            if (article is null && HasType(node, ArticleTypes))
            {
                article = node;
            }

            if (webSite is null && HasType(node, WebSiteTypes))
            {
                webSite = node;
            }
        }

        return article is { } found ? new JsonLdArticle(found, byId, webSite) : null;
    }

    /// <summary>
    /// The article's title: <c>headline</c> or <c>name</c>. When both are given and differ, one is usually something
    /// else (Wikipedia puts a description in headline, some news sites their own name in name), so the one that
    /// matches the document's <c>&lt;title&gt;</c> wins, and name when neither does, as in Readability.
    /// </summary>
    public string? Title(string? documentTitle)
    {
        var headline = GetString(_article, "headline");
        var name = GetString(_article, "name");
        if (headline is null || name is null || headline == name)
        {
            return headline ?? name;
        }

        var headlineMatches = TitleSimilarity.Score(headline, documentTitle) > MinTitleSimilarity;
        var nameMatches = TitleSimilarity.Score(name, documentTitle) > MinTitleSimilarity;
        return headlineMatches && !nameMatches ? headline : name;
    }

    public string? DatePublished => GetString(_article, "datePublished") ?? GetString(_article, "dateCreated");

    public string? DateModified => GetString(_article, "dateModified");

    public string? Description => GetString(_article, "description");

    public string? Url => GetString(_article, "url") ?? ReferenceOrString(_article, "mainEntityOfPage");

    public string? Language => NameOrString(_article, "inLanguage");

    public string? Image => ImageUrl(_article.TryGetProperty("image", out var image) ? image : default, depth: 0)
        ?? ImageUrl(_article.TryGetProperty("thumbnailUrl", out var thumbnail) ? thumbnail : default, depth: 0);

    /// <summary>The publisher's name, else the name of the WebSite node in the same graph.</summary>
    public string? PublisherName
    {
        get
        {
            if (_article.TryGetProperty("publisher", out var publisher))
            {
                var resolved = Resolve(FirstOf(publisher));
                var name = resolved.ValueKind == JsonValueKind.String ? resolved.GetString() : GetString(resolved, "name");
                if (!string.IsNullOrWhiteSpace(name))
                {
                    return name;
                }
            }

            if (_article.TryGetProperty("isPartOf", out var partOf) && GetString(Resolve(FirstOf(partOf)), "name") is { } siteName
                && HasType(Resolve(FirstOf(partOf)), WebSiteTypes))
            {
                return siteName;
            }

            return _webSite is { } site ? GetString(site, "name") : null;
        }
    }

    /// <summary>Author names in the order given; persons or organisations, by name, string or <c>@id</c> reference.</summary>
    public IReadOnlyList<string> AuthorNames
    {
        get
        {
            if (!_article.TryGetProperty("author", out var author))
            {
                return [];
            }

            var names = new List<string>();
            foreach (var entry in author.ValueKind == JsonValueKind.Array ? author.EnumerateArray() : Enumerable.Repeat(author, 1))
            {
                var resolved = Resolve(entry);
                var name = resolved.ValueKind switch
                {
                    JsonValueKind.String => resolved.GetString(),
                    JsonValueKind.Object => GetString(resolved, "name"),
                    _ => null,
                };
                if (!string.IsNullOrWhiteSpace(name))
                {
                    names.Add(name);
                }
            }

            return names;
        }
    }

    private JsonElement Resolve(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && !element.TryGetProperty("name", out _)
        && GetString(element, "@id") is { } id
        && _nodesById.TryGetValue(id, out var target)
            ? target
            : element;

    private static void CollectNodes(JsonElement element, List<JsonElement> nodes, int depth)
    {
        if (depth > MaxJsonDepth)
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectNodes(item, nodes, depth + 1);
                }

                break;
            case JsonValueKind.Object:
                nodes.Add(element);
                if (element.TryGetProperty("@graph", out var graph))
                {
                    CollectNodes(graph, nodes, depth + 1);
                }

                // An article is sometimes the main entity of a WebPage node rather than a top-level node.
                if (element.TryGetProperty("mainEntity", out var mainEntity) && mainEntity.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    CollectNodes(mainEntity, nodes, depth + 1);
                }

                break;
        }
    }

    private static bool HasType(JsonElement node, HashSet<string> types)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty("@type", out var type))
        {
            return false;
        }

        return type.ValueKind switch
        {
            JsonValueKind.String => types.Contains(LocalTypeName(type.GetString()!)),
            JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && types.Contains(LocalTypeName(t.GetString()!))),
            _ => false,
        };
    }

    // "http://schema.org/NewsArticle" and "schema:NewsArticle" are the same type as "NewsArticle".
    private static string LocalTypeName(string type) => type[(type.LastIndexOfAny(['/', ':', '#']) + 1)..];

    private static JsonElement FirstOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().FirstOrDefault() : element;

    private static string? GetString(JsonElement node, string property)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(property, out var value))
        {
            return null;
        }

        value = FirstOf(value);
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static string? ReferenceOrString(JsonElement node, string property)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(property, out var value))
        {
            return null;
        }

        value = FirstOf(value);
        return value.ValueKind == JsonValueKind.String ? value.GetString() : GetString(value, "@id") ?? GetString(value, "url");
    }

    private static string? NameOrString(JsonElement node, string property)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(property, out var value))
        {
            return null;
        }

        value = FirstOf(value);
        return value.ValueKind == JsonValueKind.String ? value.GetString() : GetString(value, "alternateName") ?? GetString(value, "name");
    }

    private static string? ImageUrl(JsonElement image, int depth) => depth > 2 ? null : image.ValueKind switch
    {
        JsonValueKind.String => image.GetString(),
        JsonValueKind.Array => image.EnumerateArray().Select(i => ImageUrl(i, depth + 1)).FirstOrDefault(u => !string.IsNullOrWhiteSpace(u)),
        JsonValueKind.Object => GetString(image, "url") ?? GetString(image, "contentUrl"),
        _ => null,
    };

    /// <summary>Scripts are sometimes wrapped in CDATA or HTML comment markers for ancient browsers.</summary>
    private static string StripWrapper(string script)
    {
        var text = script.AsSpan().Trim();
        foreach (var (start, end) in (ReadOnlySpan<(string, string)>)[("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>"), ("<!--", "-->")])
        {
            if (text.StartsWith(start, StringComparison.Ordinal))
            {
                text = text[start.Length..];
                if (text.EndsWith(end, StringComparison.Ordinal))
                {
                    text = text[..^end.Length];
                }

                text = text.Trim();
            }
        }

        return text.ToString();
    }
}
