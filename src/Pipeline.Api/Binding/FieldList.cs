using Pipeline.Core.Search;

namespace Pipeline.Api.Binding;

/// <summary>
/// Parses a comma-separated list of field names (<c>searchFields</c>, <c>highlight</c>, <c>select</c>) against the
/// names the parameter allows; an unknown or repeated name fails at its position in the value.
/// </summary>
internal static class FieldList
{
    public static IReadOnlyList<string> Parse(string parameter, string value, IReadOnlyList<string> allowed)
    {
        var fields = new List<string>();
        var start = 0;
        while (start <= value.Length)
        {
            var comma = value.IndexOf(',', start);
            var end = comma < 0 ? value.Length : comma;
            var raw = value[start..end];
            var name = raw.Trim();
            var position = start + (raw.Length - raw.TrimStart().Length);
            if (name.Length == 0)
            {
                throw new InvalidSearchRequestException(parameter, $"'{parameter}' has an empty field name at position {position}; separate names with single commas.", position);
            }

            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                var hint = allowed.FirstOrDefault(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)) is { } cased
                    ? $" (names are case-sensitive: '{cased}')"
                    : string.Empty;
                throw new InvalidSearchRequestException(
                    parameter,
                    $"'{Text.Truncate(name)}' at position {position} cannot be used in '{parameter}'{hint}; use {string.Join(", ", allowed)}.",
                    position);
            }

            if (fields.Contains(name, StringComparer.Ordinal))
            {
                throw new InvalidSearchRequestException(parameter, $"'{name}' is listed twice in '{parameter}'.", position);
            }

            fields.Add(name);
            start = end + 1;
        }

        return fields;
    }
}
