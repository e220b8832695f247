using Pipeline.Core.Search;

namespace Pipeline.Api.Binding;

/// <summary>The checks every parameter shares, each failing with a message that names the parameter and the limit.</summary>
internal static class ParameterRules
{
    public static int InRange(string name, int? value, int defaultValue, int min, int max) => value switch
    {
        null => defaultValue,
        var v when v < min || v > max => throw new InvalidSearchRequestException(name, $"'{name}' must be a whole number from {min:N0} to {max:N0}; got {v}."),
        var v => v.Value,
    };

    /// <summary>Null or the value, once it is known to be at most <paramref name="maxLength"/> characters.</summary>
    public static string? AtMost(string name, string? value, int maxLength) =>
        value is not null && value.Length > maxLength
            ? throw new InvalidSearchRequestException(
                name, $"'{name}' is {value.Length:N0} characters long; the limit is {maxLength:N0}.", maxLength)
            : value;

    /// <summary>A case-insensitive choice between an enum's members, as the API spells them (camelCase).</summary>
    public static TEnum OneOf<TEnum>(string name, string? value, TEnum defaultValue)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return defaultValue;
        }

        // Enum.TryParse would also take "1" or "Simple, Full"; only the names are part of the API.
        foreach (var member in Enum.GetValues<TEnum>())
        {
            if (string.Equals(member.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                return member;
            }
        }

        var choices = string.Join(" or ", Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
        throw new InvalidSearchRequestException(name, $"'{name}' must be {choices}; got '{Text.Truncate(value)}'.", 0);
    }
}
