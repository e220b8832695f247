using System.Globalization;

namespace Pipeline.Search.AzureAISearch;

/// <summary>How instants are spelled to the service (filters, facet boundaries) and to API callers (facet values).</summary>
internal static class AzureDates
{
    // UTC with as many fraction digits as needed and none when there are none: 2024-01-01T00:00:00Z.
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public static string Format(DateTimeOffset instant) => instant.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);
}
