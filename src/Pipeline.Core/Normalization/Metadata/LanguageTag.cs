namespace Pipeline.Core.Normalization.Metadata;

/// <summary>Reduces a declared language ("en-US", "pt_BR", "ZH-hans") to its primary subtag ("en", "pt", "zh").</summary>
internal static class LanguageTag
{
    public static string? Primary(string? declared)
    {
        if (string.IsNullOrWhiteSpace(declared))
        {
            return null;
        }

        // content-language may list several ("de, en"); the first is the main one.
        var tag = declared.AsSpan().Trim();
        var end = tag.IndexOfAny("-_,; ");
        var primary = end < 0 ? tag : tag[..end];
        if (primary.Length is < 2 or > 3 || !primary.ContainsOnlyAsciiLetters())
        {
            return null;
        }

        return primary.ToString().ToLowerInvariant();
    }

    private static bool ContainsOnlyAsciiLetters(this ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
