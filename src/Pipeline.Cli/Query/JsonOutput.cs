using System.Text.Json;

namespace Pipeline.Cli.Query;

/// <summary>Writes an API response as indented JSON, as the API sent it.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Task WriteAsync(TextWriter output, JsonDocument document) =>
        output.WriteLineAsync(JsonSerializer.Serialize(document.RootElement, Indented));
}
