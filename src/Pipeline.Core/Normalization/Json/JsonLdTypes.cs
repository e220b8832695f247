using System.Text.Json;

namespace Pipeline.Core.Normalization.Json;

/// <summary>The schema.org types that mark a JSON-LD node as an article.</summary>
internal static class JsonLdTypes
{
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "ReviewNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting", "TechArticle", "ScholarlyArticle", "Report",
        "SatiricalArticle", "SocialMediaPosting", "AdvertiserContentArticle",
    };

    /// <summary>True when <paramref name="node"/> declares a <c>@type</c> at all.</summary>
    public static bool IsTyped(JsonElement node) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty("@type", out var type) && type.ValueKind is JsonValueKind.String or JsonValueKind.Array;

    /// <summary>True when <paramref name="node"/>'s <c>@type</c> (a string or an array of them) names an article type.</summary>
    public static bool IsArticle(JsonElement node)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty("@type", out var type))
        {
            return false;
        }

        return type.ValueKind switch
        {
            JsonValueKind.String => IsArticleType(type.GetString()),
            JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && IsArticleType(t.GetString())),
            _ => false,
        };
    }

    /// <summary>The declared type for messages ("Recipe"), or null.</summary>
    public static string? Describe(JsonElement node) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty("@type", out var type)
            ? type.ValueKind == JsonValueKind.String ? type.GetString() : type.ToString()
            : null;

    // "https://schema.org/NewsArticle" and "schema:NewsArticle" are the same type as "NewsArticle".
    private static bool IsArticleType(string? type) =>
        type is not null && ArticleTypes.Contains(type[(type.LastIndexOfAny(['/', ':', '#']) + 1)..]);
}
