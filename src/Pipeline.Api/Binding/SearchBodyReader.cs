using System.Text.Json;
using Pipeline.Core.Search;

namespace Pipeline.Api.Binding;

/// <summary>
/// Reads the JSON body of <c>POST /api/search</c>: the query-string parameters as properties with JSON types
/// (<c>top</c> a number, <c>count</c> a boolean, <c>facets</c> an array of strings). Unknown and repeated
/// properties are rejected for the same reason unknown query parameters are.
/// </summary>
internal static class SearchBodyReader
{
    /// <exception cref="InvalidSearchRequestException">A property is unknown, repeated or of the wrong JSON type.</exception>
    public static SearchParameters Read(JsonElement body)
    {
        var parameters = new SearchParameters();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            var name = property.Name;
            if (!SearchParameterNames.SearchBody.Contains(name, StringComparer.Ordinal))
            {
                throw new InvalidSearchRequestException(
                    Text.Truncate(name),
                    $"Unknown property '{Text.Truncate(name)}' in the body: a search takes {string.Join(", ", SearchParameterNames.SearchBody)}.");
            }

            if (!seen.Add(name))
            {
                throw new InvalidSearchRequestException(name, $"'{name}' appears twice in the body; give it once.");
            }

            var value = property.Value;
            parameters = name switch
            {
                SearchParameterNames.Query => parameters with { Query = GetString(name, value) },
                SearchParameterNames.QueryType => parameters with { QueryType = GetString(name, value) },
                SearchParameterNames.SearchMode => parameters with { SearchMode = GetString(name, value) },
                SearchParameterNames.SearchFields => parameters with { SearchFields = GetString(name, value) },
                SearchParameterNames.Filter => parameters with { Filter = GetString(name, value) },
                SearchParameterNames.Facets => parameters with { Facets = GetStrings(name, value) },
                SearchParameterNames.Highlight => parameters with { Highlight = GetString(name, value) },
                SearchParameterNames.HighlightPreTag => parameters with { HighlightPreTag = GetString(name, value) },
                SearchParameterNames.HighlightPostTag => parameters with { HighlightPostTag = GetString(name, value) },
                SearchParameterNames.OrderBy => parameters with { OrderBy = GetString(name, value) },
                SearchParameterNames.Top => parameters with { Top = GetInt32(name, value) },
                SearchParameterNames.Skip => parameters with { Skip = GetInt32(name, value) },
                SearchParameterNames.Count => parameters with { Count = GetBoolean(name, value) },
                SearchParameterNames.Select => parameters with { Select = GetString(name, value) },
                _ => throw new InvalidOperationException($"'{name}' is a body property without a reader."),
            };
        }

        return parameters;
    }

    private static string? GetString(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        _ => throw WrongType(name, "a string", value),
    };

    private static IReadOnlyList<string> GetStrings(string name, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw WrongType(name, "an array of strings such as [\"tags\", \"language\"]", value);
        }

        var strings = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            strings.Add(item.ValueKind == JsonValueKind.String
                ? item.GetString()!
                : throw WrongType($"{name}[{strings.Count}]", "a string", item, parameter: name));
        }

        return strings;
    }

    private static int? GetInt32(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt32(out var number) => number,
        JsonValueKind.Number => throw new InvalidSearchRequestException(name, $"'{name}' must be a whole number; got {Text.Truncate(value.GetRawText())}."),
        JsonValueKind.Null => null,
        _ => throw WrongType(name, "a whole number", value),
    };

    private static bool? GetBoolean(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => throw WrongType(name, "true or false", value),
    };

    private static InvalidSearchRequestException WrongType(string name, string expected, JsonElement value, string? parameter = null) =>
        new(parameter ?? name, $"'{name}' must be {expected}; got {JsonKinds.Describe(value.ValueKind)}.");
}
