using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Api;

/// <summary>Reads and validates query-string values, producing the message a 400 response carries.</summary>
internal static class QueryParameters
{
    public static bool TryGetInt(HttpRequest request, string name, int defaultValue, int min, int max, out int value, out string? error)
    {
        error = null;
        var raw = request.Query[name].ToString();
        if (string.IsNullOrEmpty(raw))
        {
            value = defaultValue;
            return true;
        }

        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) || value < min || value > max)
        {
            error = $"'{name}' must be a whole number from {min} to {max}; got '{Truncate(raw)}'.";
            return false;
        }

        return true;
    }

    public static string Truncate(string value, int max = 50) => value.Length <= max ? value : value[..max] + "…";
}
