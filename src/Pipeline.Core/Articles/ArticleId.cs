using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Core.Articles;

/// <summary>
/// Article ids are derived from the blob name so that re-uploads and updates of one blob replace one article.
/// A readable slug keeps ids recognisable; a short hash of the exact name keeps "a b.txt" and "a-b.txt" apart.
/// </summary>
public static class ArticleId
{
    private const int MaxSlugLength = 60;

    public static string FromBlobName(string blobName, int partIndex = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        // Backslashes separate folders in names made on Windows; on Linux Path would keep them as part of the file name.
        var stem = Path.GetFileNameWithoutExtension(blobName.Replace('\\', '/').TrimEnd('/'));
        if (stem.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            stem = stem[..^5];
        }

        var slug = Slugify(stem);
        var key = partIndex == 0 ? blobName : $"{blobName}#{partIndex}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..8];
        return slug.Length == 0 ? hash : $"{slug}-{hash}";
    }

    /// <summary>True when <paramref name="id"/> has the shape ids are made with; used to reject junk early.</summary>
    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxSlugLength + 9 && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    private static string Slugify(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxSlugLength));
        var pendingDash = false;
        foreach (var c in WithoutLoneSurrogates(text).Normalize(NormalizationForm.FormKD))
        {
            if (builder.Length >= MaxSlugLength)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingDash = false;
            }
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                pendingDash = true;
            }
        }

        return builder.ToString().TrimEnd('-');
    }

    // Normalize throws on a lone surrogate; a name with one can only come from a broken client, but must not crash ingest.
    private static string WithoutLoneSurrogates(string text) =>
        text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF') && !IsWellFormed(text) ? Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)) : text;

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
