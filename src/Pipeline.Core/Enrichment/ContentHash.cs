using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pipeline.Core.Normalization;

namespace Pipeline.Core.Enrichment;

/// <summary>
/// Hex SHA-256 over everything an article shows a reader: title, byline, dates, site, description, lead image,
/// canonical link, declared language, each heading in its place among the paragraphs, the related links and the tags.
/// A re-upload with an equal hash would store an identical article, so it needs no new work. Left out are where the
/// article came from (blob name, ETag, format) and what enrichment derives from the content.
/// </summary>
public static class ContentHash
{
    public static string Compute(NormalizedArticle normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var writer = new FieldWriter();
        writer.Write("title", normalized.Title);
        foreach (var author in normalized.Authors)
        {
            writer.Write("author", author);
        }

        writer.Write("published", normalized.Published?.ToString("O", CultureInfo.InvariantCulture));
        writer.Write("modified", normalized.Modified?.ToString("O", CultureInfo.InvariantCulture));
        writer.Write("site", normalized.SiteName);
        writer.Write("description", normalized.Description);
        writer.Write("image", normalized.LeadImageUrl);
        writer.Write("canonical", normalized.CanonicalUrl);
        writer.Write("language", normalized.Language);
        foreach (var section in normalized.Sections)
        {
            writer.Write("heading", section.Heading);
            foreach (var paragraph in section.Paragraphs)
            {
                writer.Write("p", paragraph);
            }
        }

        foreach (var link in normalized.Related)
        {
            writer.Write("related", link.Title);
            writer.Write("url", link.Url);
        }

        foreach (var tag in normalized.Tags)
        {
            writer.Write("tag", tag);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(writer.ToString())));
    }

    /// <summary>
    /// Writes each field as name, length and value, so no value can pass for another field's boundary: moving text
    /// between a heading and its paragraph, or between two paragraphs, changes the hash.
    /// </summary>
    private sealed class FieldWriter
    {
        private readonly StringBuilder _builder = new();

        public void Write(string name, string? value)
        {
            _builder.Append(name);
            if (value is null)
            {
                _builder.Append("-\n");
                return;
            }

            _builder.Append(' ').Append(value.Length.ToString(CultureInfo.InvariantCulture))
                .Append(':').Append(value).Append('\n');
        }

        public override string ToString() => _builder.ToString();
    }
}
