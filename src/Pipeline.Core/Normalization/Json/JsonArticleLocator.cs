using System.Text.Json;

namespace Pipeline.Core.Normalization.Json;

/// <summary>
/// Finds the article objects in a parsed JSON upload: the root object, every item of a root array, the items of an
/// <c>articles</c>/<c>items</c>/<c>posts</c> array in a wrapper object, or the article nodes of a JSON-LD <c>@graph</c>.
/// JSON-LD nodes of other types (a BreadcrumbList or Organization next to the article) are skipped.
/// </summary>
internal static class JsonArticleLocator
{
    private static readonly string[] WrapperFields = ["articles", "items", "posts"];

    private static readonly string[] StatedArticleFields = ["title", "headline", "body", "content", "html", "text", "articleBody", "sections"];

    /// <param name="root">The document's root value.</param>
    /// <param name="sourceName">For messages.</param>
    /// <param name="maxArticles">More article objects than this are rejected as too large.</param>
    /// <returns>Each article object with its JSON path ("$", "$[2]", "$.articles[0]").</returns>
    public static IReadOnlyList<LocatedArticle> Find(JsonElement root, string sourceName, int maxArticles)
    {
        var articles = root.ValueKind switch
        {
            JsonValueKind.Array => Items(root, "$", sourceName),
            JsonValueKind.Object => InObject(root, sourceName),
            _ => throw new NormalizationException(
                NormalizationErrorCode.Malformed,
                $"'{sourceName}' holds {Describe(root)}, not an article object or an array of them."),
        };

        if (articles.Count > maxArticles)
        {
            throw new NormalizationException(
                NormalizationErrorCode.TooLarge, $"'{sourceName}' holds {articles.Count:N0} articles; one upload is limited to {maxArticles:N0}.");
        }

        return articles;
    }

    private static List<LocatedArticle> InObject(JsonElement root, string sourceName)
    {
        if (root.TryGetProperty("@graph", out var graph) && graph.ValueKind == JsonValueKind.Array && !JsonLdTypes.IsArticle(root))
        {
            var nodes = graph.EnumerateArray()
                .Select((node, i) => new LocatedArticle(node, $"$['@graph'][{i}]"))
                .Where(node => JsonLdTypes.IsArticle(node.Element))
                .ToList();
            return nodes.Count > 0
                ? nodes
                : throw new NormalizationException(NormalizationErrorCode.NoText, $"'{sourceName}' is a JSON-LD graph with no Article or NewsArticle node.");
        }

        if (JsonLdTypes.IsTyped(root) && !JsonLdTypes.IsArticle(root))
        {
            throw new NormalizationException(
                NormalizationErrorCode.NoText, $"'{sourceName}' is JSON-LD for a {JsonLdTypes.Describe(root)}, not an Article or NewsArticle.");
        }

        if (!StatedArticleFields.Any(field => root.TryGetProperty(field, out _)))
        {
            foreach (var wrapper in WrapperFields)
            {
                if (root.TryGetProperty(wrapper, out var items) && items.ValueKind == JsonValueKind.Array)
                {
                    return Items(items, $"$.{wrapper}", sourceName);
                }
            }
        }

        return [new LocatedArticle(root, "$")];
    }

    private static List<LocatedArticle> Items(JsonElement array, string path, string sourceName)
    {
        var articles = new List<LocatedArticle>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPath = $"{path}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new NormalizationException(
                    NormalizationErrorCode.Malformed,
                    $"'{sourceName}' at {itemPath}: each item must be an article object, not {Describe(item)}.");
            }

            // Untyped objects are articles by this schema; typed ones only when their type is an article type.
            if (!JsonLdTypes.IsTyped(item) || JsonLdTypes.IsArticle(item))
            {
                articles.Add(new LocatedArticle(item, itemPath));
            }
        }

        return articles.Count > 0
            ? articles
            : throw new NormalizationException(
                NormalizationErrorCode.NoText,
                index == 0 ? $"'{sourceName}' holds no articles: {path} is an empty array." : $"'{sourceName}' holds no article objects, only JSON-LD of other types.");
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => "a number",
        JsonValueKind.String => "a string",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}

/// <param name="Element">The article object.</param>
/// <param name="Path">Where it is in the document, for messages.</param>
internal sealed record LocatedArticle(JsonElement Element, string Path);
