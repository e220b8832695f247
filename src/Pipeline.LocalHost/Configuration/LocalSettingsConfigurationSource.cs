using System.Text.Json;

namespace Pipeline.LocalHost.Configuration;

/// <summary>
/// Reads an Azure Functions <c>local.settings.json</c> (<c>{ "IsEncrypted": false, "Values": { ... } }</c>), so the
/// local host and the Functions app share one settings file. Keys use <c>__</c> between sections, as environment
/// variables do: <c>Pipeline__Lucene__IndexPath</c> becomes <c>Pipeline:Lucene:IndexPath</c>.
/// </summary>
public sealed class LocalSettingsConfigurationSource(string path) : IConfigurationSource
{
    public string Path { get; } = path;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new LocalSettingsConfigurationProvider(Path);
}

internal sealed class LocalSettingsConfigurationProvider(string path) : ConfigurationProvider
{
    public override void Load()
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"'{path}' is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.TryGetProperty("IsEncrypted", out var encrypted) && encrypted.ValueKind == JsonValueKind.True)
            {
                throw new InvalidDataException($"'{path}' is encrypted; only Azure Functions Core Tools can read it. Decrypt it or use plain values.");
            }

            AddSection(document.RootElement, "Values", prefix: null, data);
            AddSection(document.RootElement, "ConnectionStrings", prefix: "ConnectionStrings", data);
        }

        Data = data;
    }

    private static void AddSection(JsonElement root, string name, string? prefix, Dictionary<string, string?> data)
    {
        if (!root.TryGetProperty(name, out var section) || section.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in section.EnumerateObject())
        {
            var key = property.Name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
            if (prefix is not null)
            {
                key = ConfigurationPath.Combine(prefix, key);
            }

            data[key] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Null => null,
                _ => property.Value.GetRawText(),
            };
        }
    }
}
