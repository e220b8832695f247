using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Core.Serialization;

/// <summary>
/// The one JSON shape for articles, rejections and API payloads: camelCase properties, enums as camelCase strings
/// (<c>"html"</c>, <c>"tooLarge"</c>, the spelling filters and facets use), nulls omitted.
/// </summary>
public static class PipelineJson
{
    /// <summary>
    /// How enum values are spelt on the wire and in storage. Reading ignores case, so JSON stored before enums were
    /// camelCase (<c>"Html"</c>) still reads back.
    /// </summary>
    public static JsonNamingPolicy EnumNamingPolicy { get; } = JsonNamingPolicy.CamelCase;

    public static JsonSerializerOptions Options { get; } = Create(writeIndented: false);

    public static JsonSerializerOptions Indented { get; } = Create(writeIndented: true);

    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // Ahead of any converter an enum type names itself, so every enum in these options has the one spelling.
        options.Converters.Add(new JsonStringEnumConverter(EnumNamingPolicy));
        // Curly quotes and non-Latin text stay readable in stored JSON; HTML-sensitive characters are still escaped.
        options.Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    }

    /// <summary>The wire spelling of an enum value (<c>ArticleFormat.PlainText</c> is <c>plainText</c>), for places that carry it as a string.</summary>
    public static string NameOf<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        JsonSerializer.SerializeToElement(value, Options).GetString()
        ?? throw new ArgumentOutOfRangeException(nameof(value), value, "The value has no name.");

    private static JsonSerializerOptions Create(bool writeIndented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = writeIndented };
        Configure(options);
        // Without a resolver MakeReadOnly throws; populate the reflection-based default one.
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
