using System.Text.Json;

namespace Pipeline.Bench.Extraction.Corpora;

/// <summary>
/// Mozilla Readability's test pages (<c>corpora/readability/&lt;case&gt;/</c>): the source page, the article HTML
/// Readability is expected to extract, and the expected metadata.
/// </summary>
internal static class ReadabilityCorpus
{
    /// <summary>Readability's harness parses every page at this address; relative links in the expectations use it.</summary>
    public static readonly Uri PageUrl = new("http://fakehost/test/page.html");

    public static IReadOnlyList<ReadabilityCase> Load(string corpusDirectory)
    {
        var cases = new List<ReadabilityCase>();
        foreach (var directory in Directory.EnumerateDirectories(corpusDirectory).Order(StringComparer.Ordinal))
        {
            var source = Path.Combine(directory, "source.html");
            var expected = Path.Combine(directory, "expected.html");
            var metadata = Path.Combine(directory, "expected-metadata.json");
            if (!File.Exists(source) || !File.Exists(expected) || !File.Exists(metadata))
            {
                continue;
            }

            using var json = JsonDocument.Parse(File.ReadAllBytes(metadata));
            var root = json.RootElement;
            cases.Add(new ReadabilityCase(
                Path.GetFileName(directory),
                source,
                ExpectedText.FromHtml(File.ReadAllText(expected)),
                StringOrNull(root, "title"),
                StringOrNull(root, "byline"),
                StringOrNull(root, "publishedTime"),
                StringOrNull(root, "siteName")));
        }

        return cases;
    }

    private static string? StringOrNull(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

internal sealed record ReadabilityCase(
    string Name, string SourcePath, string ExpectedText, string? Title, string? Byline, string? PublishedTime, string? SiteName);
