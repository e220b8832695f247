using System.Net;
using System.Text;

namespace Pipeline.Core.Normalization.Metadata;

/// <summary>Cleans a metadata value into one line of plain text.</summary>
internal static class MetadataText
{
    /// <summary>Collapses whitespace (including line breaks) to single spaces and trims; null when nothing is left.</summary>
    public static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        var text = builder.ToString();
        return text.Length == 0 ? null : text.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Like <see cref="Clean"/> for values that come from inside scripts (JSON-LD), where publishing systems often
    /// leave HTML entities ("&amp;amp;", "&amp;#8217;") that the HTML parser never saw.
    /// </summary>
    public static string? CleanEncoded(string? value) =>
        Clean(value is not null && value.Contains('&') ? WebUtility.HtmlDecode(value) : value);

    /// <summary>True for values that are links, not names or titles (some sites put a profile URL in author fields).</summary>
    public static bool IsUrl(string value) =>
        value.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("//", StringComparison.Ordinal)
        || value.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
}
