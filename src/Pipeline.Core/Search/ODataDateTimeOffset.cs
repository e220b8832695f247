using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Core.Search;

/// <summary>
/// Edm.DateTimeOffset literals as OData spells them: <c>2024-01-01T00:00:00Z</c>, <c>2024-01-01T09:30+02:00</c>,
/// <c>2024-01-01T00:00:00.123Z</c>. Filters and facet boundaries share this one spelling.
/// </summary>
/// <remarks>
/// A bare date (<c>2024-01-01</c>) is an Edm.Date in OData, not an Edm.DateTimeOffset, and Azure AI Search rejects it
/// in a comparison with a DateTimeOffset field; accepting it here would make a filter that works against the embedded
/// index fail in Azure, so it is rejected with a message that shows the full spelling.
/// </remarks>
internal static partial class ODataDateTimeOffset
{
    public const string Example = "2024-01-01T00:00:00Z";

    /// <summary>Parses a literal; on failure returns false and says why, in words fit for an error message.</summary>
    public static bool TryParse(string text, out DateTimeOffset value, out string? problem)
    {
        value = default;
        if (BareDate().IsMatch(text))
        {
            problem = $"'{text}' is a date without a time and offset; write a full DateTimeOffset such as {text}T00:00:00Z";
            return false;
        }

        if (!Shape().IsMatch(text))
        {
            problem = $"'{text}' is not a DateTimeOffset; write one such as {Example} or 2024-01-01T09:30:00+02:00";
            return false;
        }

        if (!DateTimeOffset.TryParse(text.ToUpperInvariant(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value))
        {
            problem = $"'{text}' is not a valid date and time";
            return false;
        }

        problem = null;
        return true;
    }

    /// <summary>The canonical spelling: seconds always, fractions only when present, Z for UTC.</summary>
    public static string Format(DateTimeOffset value)
    {
        var text = value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var fraction = value.Ticks % TimeSpan.TicksPerSecond;
        if (fraction != 0)
        {
            text += "." + fraction.ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0');
        }

        return text + (value.Offset == TimeSpan.Zero ? "Z" : value.ToString("zzz", CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex BareDate();

    // OData's dateTimeOffsetValue: seconds and fractions optional, the offset required.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex Shape();
}
