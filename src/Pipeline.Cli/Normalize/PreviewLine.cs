using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pipeline.Core.Articles;
using Pipeline.Core.Serialization;

namespace Pipeline.Cli.Normalize;

/// <summary>
/// Writes the JSON Lines the preview prints: an article as ingest stores it, led by the input path and the fields a
/// reader checks first, or an error.
/// </summary>
/// <remarks>
/// The article is serialized with the stored shape (<see cref="PipelineJson"/>) and then reordered, rather than
/// copied into a preview type, so every field enrichment adds shows up here without touching this code. The stored
/// <c>source</c> (blob name, ETag) gives way to the input path, <c>body</c> is called <c>text</c>, and the ingest
/// time is left out because it is not a property of the file.
/// </remarks>
public static class PreviewLine
{
    // Shown first, in this order; every other field follows in the stored order.
    private static readonly string[] LeadingFields = ["format", "id", "title", "authors", "published", "text", "sections", "related"];

    private static readonly HashSet<string> OmittedFields = new(StringComparer.Ordinal) { "source", "ingestedAt" };

    // Stored JSON escapes HTML-sensitive characters (a quote is \u0022) in case it ends up in a page; a terminal or a
    // JSON Lines file is not a page, so quotes and pluses stay readable here.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static string ForArticle(string source, Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var stored = JsonSerializer.SerializeToElement(article, PipelineJson.Options);
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in stored.EnumerateObject())
        {
            properties[property.Name == "body" ? "text" : property.Name] = property.Value;
        }

        return Write(writer =>
        {
            writer.WriteString("source", source);
            foreach (var name in LeadingFields)
            {
                if (properties.Remove(name, out var value))
                {
                    writer.WritePropertyName(name);
                    value.WriteTo(writer);
                }
            }

            foreach (var (name, value) in properties)
            {
                if (!OmittedFields.Contains(name))
                {
                    writer.WritePropertyName(name);
                    value.WriteTo(writer);
                }
            }
        });
    }

    /// <param name="code">A <see cref="Core.Normalization.NormalizationErrorCode"/> name, or a code of the preview's own.</param>
    public static string ForError(string source, string code, string message) =>
        Write(writer =>
        {
            writer.WriteString("source", source);
            writer.WriteStartObject("error");
            writer.WriteString("code", code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
        });

    private static string Write(Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
