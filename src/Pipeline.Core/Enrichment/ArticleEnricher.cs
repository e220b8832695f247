using System.Security.Cryptography;
using System.Text;
using Pipeline.Core.Articles;
using Pipeline.Core.Normalization;

namespace Pipeline.Core.Enrichment;

/// <summary>
/// Completes a normalized article into the stored <see cref="Article"/>: id, plain body, counts, hash and language.
/// </summary>
public sealed class ArticleEnricher(TimeProvider timeProvider)
{
    public ArticleEnricher()
        : this(TimeProvider.System)
    {
    }

    public Article Enrich(NormalizedArticle normalized, SourceDocument source, int partIndex = 0)
    {
        var body = string.Join("\n\n", normalized.Sections.SelectMany(s => s.Paragraphs));
        return new Article
        {
            Id = ArticleId.FromBlobName(source.Name, partIndex),
            Source = new ArticleOrigin(source.Name, source.ETag, source.ContentType),
            Format = normalized.Format,
            Title = normalized.Title,
            Authors = normalized.Authors,
            Published = normalized.Published,
            Modified = normalized.Modified,
            SiteName = normalized.SiteName,
            CanonicalUrl = normalized.CanonicalUrl,
            LeadImageUrl = normalized.LeadImageUrl,
            Description = normalized.Description,
            Sections = normalized.Sections,
            Body = body,
            Related = normalized.Related,
            Language = normalized.Language ?? LanguageGuesser.Guess(body),
            WordCount = TextStatistics.CountWords(body),
            ContentHash = ComputeContentHash(normalized, body),
            IngestedAt = timeProvider.GetUtcNow(),
        };
    }

    /// <summary>Hash over what a reader sees, so a re-upload with identical content is recognised as unchanged.</summary>
    public static string ComputeContentHash(NormalizedArticle normalized, string body)
    {
        var builder = new StringBuilder();
        builder.Append(normalized.Title).Append('\n');
        builder.AppendJoin('\u001f', normalized.Authors).Append('\n');
        builder.Append(normalized.Published?.ToString("O")).Append('\n');
        foreach (var section in normalized.Sections)
        {
            builder.Append("## ").Append(section.Heading).Append('\n');
        }

        builder.Append(body).Append('\n');
        foreach (var link in normalized.Related)
        {
            builder.Append(link.Title).Append('\u001f').Append(link.Url).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }
}
