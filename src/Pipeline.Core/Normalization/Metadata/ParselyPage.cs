using System.Text.Json;

namespace Pipeline.Core.Normalization.Metadata;

/// <summary>
/// Parse.ly's older metadata format: one <c>&lt;meta name="parsely-page"&gt;</c> whose value is a JSON object with
/// <c>title</c>, <c>pub_date</c> and <c>author</c>. Read at the meta-tag tier, like the newer <c>parsely-*</c> tags.
/// </summary>
internal sealed record ParselyPage(string? Title, string? PublishedDate, IReadOnlyList<string> Authors)
{
    public static ParselyPage? Read(MetaTags meta)
    {
        if (meta.First("parsely:page") is not { } json)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return new ParselyPage(String(root, "title"), String(root, "pub_date"), ReadAuthors(root));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? String(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? MetadataText.CleanEncoded(value.GetString()) : null;

    private static IReadOnlyList<string> ReadAuthors(JsonElement root)
    {
        if (!root.TryGetProperty("author", out var author) && !root.TryGetProperty("authors", out author))
        {
            return [];
        }

        return author.ValueKind switch
        {
            JsonValueKind.String => [author.GetString()!],
            JsonValueKind.Array => [.. author.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!)],
            _ => [],
        };
    }
}
