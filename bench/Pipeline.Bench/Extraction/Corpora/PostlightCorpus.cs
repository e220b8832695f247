using System.Text.Json;

namespace Pipeline.Bench.Extraction.Corpora;

/// <summary>Postlight Parser's fixtures with the values its tests assert (<c>corpora/postlight/cases.json</c>).</summary>
internal static class PostlightCorpus
{
    public static IReadOnlyList<PostlightCase> Load(string corpusDirectory)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(corpusDirectory, "cases.json")));
        return json.RootElement.EnumerateArray()
            .Select(c => new PostlightCase(
                Path.GetFileNameWithoutExtension(c.GetProperty("file").GetString()!),
                Path.Combine(corpusDirectory, c.GetProperty("file").GetString()!),
                new Uri(c.GetProperty("url").GetString()!),
                StringOrNull(c, "title"),
                StringOrNull(c, "author"),
                StringOrNull(c, "datePublished"),
                StringOrNull(c, "contentStartsWith")))
            .ToList();
    }

    private static string? StringOrNull(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

internal sealed record PostlightCase(
    string Name, string SourcePath, Uri Url, string? Title, string? Author, string? DatePublished, string? ContentStartsWith);
