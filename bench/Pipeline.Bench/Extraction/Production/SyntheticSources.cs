using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pipeline.Bench.Extraction.Production;

/// <summary>
/// Markdown and JSON inputs for the speed measurements. No corpus of either exists, so they are generated from the
/// BBC files, deterministically (same file, same bytes): the same stories, so the formats are compared on equal content.
/// </summary>
internal static class SyntheticSources
{
    private static readonly DateOnly FirstDay = new(2005, 1, 1);

    /// <summary>YAML front matter (title, author, date, tags) and the body's paragraphs.</summary>
    public static byte[] ToMarkdown(BbcFile file, int index)
    {
        var markdown = new StringBuilder()
            .Append("---\n")
            .Append("title: \"").Append(file.Title.Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\"\n")
            .Append("author: BBC News\n")
            .Append(CultureInfo.InvariantCulture, $"date: {Date(index):yyyy-MM-dd}\n")
            .Append(CultureInfo.InvariantCulture, $"tags: [{Category(file)}]\n")
            .Append("---\n\n")
            .Append(file.Body.ReplaceLineEndings("\n"))
            .Append('\n');
        return Encoding.UTF8.GetBytes(markdown.ToString());
    }

    /// <summary>One JSON object of the documented schema: title, body, author, date, url, tags.</summary>
    public static byte[] ToJson(BbcFile file, int index) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["title"] = file.Title,
            ["author"] = "BBC News",
            ["date"] = Date(index).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["url"] = $"https://news.example/{file.RelativeName.Replace(".txt", string.Empty, StringComparison.Ordinal)}",
            ["tags"] = new[] { Category(file) },
            ["body"] = file.Body.ReplaceLineEndings("\n"),
        });

    private static DateOnly Date(int index) => FirstDay.AddDays(index % 365);

    private static string Category(BbcFile file) => file.RelativeName.Split('/')[0];
}
