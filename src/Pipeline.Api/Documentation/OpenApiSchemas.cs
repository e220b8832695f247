using System.Text.Json.Nodes;

namespace Pipeline.Api.Documentation;

/// <summary>
/// Small builders for the OpenAPI 3.0 schemas of what the API takes (parameters and the search body); the schemas of
/// what it returns are generated from the types (see <see cref="ComponentSchemas"/>).
/// </summary>
internal static class OpenApiSchemas
{
    public static JsonObject String(string? format = null, int? maxLength = null, int? minLength = null)
    {
        var schema = new JsonObject { ["type"] = "string" };
        if (format is not null)
        {
            schema["format"] = format;
        }

        if (minLength is not null)
        {
            schema["minLength"] = minLength;
        }

        if (maxLength is not null)
        {
            schema["maxLength"] = maxLength;
        }

        return schema;
    }

    public static JsonObject Enum(IEnumerable<string> values, string? defaultValue = null)
    {
        var schema = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. values.Select(v => JsonValue.Create(v))]) };
        if (defaultValue is not null)
        {
            schema["default"] = defaultValue;
        }

        return schema;
    }

    public static JsonObject Integer(int? minimum = null, int? maximum = null, int? defaultValue = null)
    {
        var schema = new JsonObject { ["type"] = "integer", ["format"] = "int32" };
        if (minimum is not null)
        {
            schema["minimum"] = minimum;
        }

        if (maximum is not null)
        {
            schema["maximum"] = maximum;
        }

        if (defaultValue is not null)
        {
            schema["default"] = defaultValue;
        }

        return schema;
    }

    public static JsonObject Boolean(bool? defaultValue = null)
    {
        var schema = new JsonObject { ["type"] = "boolean" };
        if (defaultValue is not null)
        {
            schema["default"] = defaultValue;
        }

        return schema;
    }

    public static JsonObject ArrayOf(JsonObject items, int? maxItems = null)
    {
        var schema = new JsonObject { ["type"] = "array", ["items"] = items };
        if (maxItems is not null)
        {
            schema["maxItems"] = maxItems;
        }

        return schema;
    }

    public static JsonObject Ref(string schemaName) => new() { ["$ref"] = "#/components/schemas/" + schemaName };

    /// <summary>An object schema; <paramref name="properties"/> are (name, schema, description) in the order the JSON has them.</summary>
    public static JsonObject Object(string description, IEnumerable<(string Name, JsonObject Schema, string Description)> properties, IEnumerable<string>? required = null)
    {
        var props = new JsonObject();
        foreach (var (name, schema, text) in properties)
        {
            // A $ref may not have siblings in OpenAPI 3.0; wrap it to carry a description.
            props[name] = schema.ContainsKey("$ref")
                ? new JsonObject { ["allOf"] = new JsonArray(schema), ["description"] = text }
                : WithDescription(schema, text);
        }

        var result = new JsonObject { ["type"] = "object", ["description"] = description, ["properties"] = props };
        if (required?.ToList() is { Count: > 0 } names)
        {
            result["required"] = new JsonArray([.. names.Select(n => JsonValue.Create(n))]);
        }

        return result;
    }

    private static JsonObject WithDescription(JsonObject schema, string description)
    {
        schema["description"] = description;
        return schema;
    }
}
