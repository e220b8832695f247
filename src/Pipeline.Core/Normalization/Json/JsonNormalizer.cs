using System.Text.Json;
using Microsoft.Extensions.Options;
using Pipeline.Core.Articles;
using Pipeline.Core.Normalization.Html;
using Pipeline.Core.Normalization.Text;

namespace Pipeline.Core.Normalization.Json;

/// <summary>
/// Normalizes JSON uploads: one article object, an array of them (one article each), or a bare JSON-LD
/// <c>NewsArticle</c>/<c>Article</c>.
/// </summary>
/// <remarks>
/// <para>The schema (field names match ignoring case; where several names are listed, the first present wins):</para>
/// <code>
/// {
///   "title": "…",                        // or "headline"; required (else the body's first heading or line)
///   "body": "…",                         // or "content", "html", "text", "articleBody", "markdown":
///                                        //   HTML (always for "html") → HTML normalizer; Markdown (always for
///                                        //   "markdown") → Markdown rules; other text → plain-text rules
///                                        //   (blank lines separate paragraphs)
///   "sections": [                        // instead of a body: structure given as is
///     { "heading": "…" | null, "paragraphs": ["…", "…"] }
///   ],
///   "author": "Jane Doe",                // or "authors"/"creator": a string ("A and B" is split), an object
///                                        //   { "name": "…" }, or an array of either
///   "datePublished": "2024-03-05T10:00:00+01:00",  // or "published", "publishedAt", "published_at",
///                                        //   "publishDate", "pubDate", "date": ISO 8601 or RFC 1123
///   "dateModified": "…",                 // or "modified", "updated", "updatedAt", "updated_at", "lastmod"
///   "url": "https://…",                  // or "canonicalUrl", "canonical", "permalink", "mainEntityOfPage"
///   "tags": ["…"],                       // and/or "keywords": an array of strings, or one comma-separated string
///   "language": "en",                    // or "lang", "inLanguage", "locale"
///   "description": "…",                  // or "summary", "excerpt", "abstract"
///   "image": "https://…",                // or "imageUrl", "coverImage", …: a URL, { "url": "…" } or an array
///   "siteName": "…",                     // or "site_name", "publisher" (a string or { "name": "…" })
///   "related": [                         // or "relatedLinks": strings (a headline or a URL) or objects
///     { "title": "…", "url": "https://…" }
///   ]
/// }
/// </code>
/// <para>
/// A JSON-LD object is read with the same names (<c>headline</c>, <c>articleBody</c>, <c>author</c>,
/// <c>datePublished</c>, <c>keywords</c>, <c>publisher</c>…) when its <c>@type</c> is an article type; a
/// <c>@graph</c> yields its article nodes. An array yields one article per object (JSON-LD objects of other types are
/// skipped), as does a wrapper object with only an <c>articles</c>, <c>items</c> or <c>posts</c> array. Comments and
/// trailing commas are tolerated.
/// </para>
/// <para>
/// Errors: JSON that does not parse, or nests deeper than <see cref="JsonNormalizerOptions.MaxDepth"/>, is
/// <see cref="NormalizationErrorCode.Malformed"/> with the line and byte position; a field of the wrong type
/// (a numeric title, an object body) is <see cref="NormalizationErrorCode.Malformed"/> naming the field and its path;
/// an empty array, or an object without a body, is <see cref="NormalizationErrorCode.NoText"/>; a body without a title
/// is <see cref="NormalizationErrorCode.NoTitle"/>. One bad article rejects the whole upload, so article ids, which
/// follow the article's position, never shift.
/// </para>
/// </remarks>
public sealed class JsonNormalizer : IArticleNormalizer
{
    private readonly JsonArticleBody _body;
    private readonly JsonNormalizerOptions _options;
    private readonly JsonDocumentOptions _parseOptions;

    public JsonNormalizer(HtmlNormalizer html, IOptions<JsonNormalizerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(options);
        _body = new JsonArticleBody(html);
        _options = options.Value;
        _parseOptions = new JsonDocumentOptions
        {
            // At least 1: JsonNormalizerOptionsValidator stops the host at start otherwise.
            MaxDepth = _options.MaxDepth,
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        };
    }

    public JsonNormalizer()
        : this(new HtmlNormalizer(), Options.Create(new JsonNormalizerOptions()))
    {
    }

    public IReadOnlyList<NormalizedArticle> Normalize(SourceDocument source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = TextDecoder.Decode(source).Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new NormalizationException(NormalizationErrorCode.Empty, $"'{source.Name}' holds only whitespace.");
        }

        using var document = Parse(text, source.Name);
        var located = JsonArticleLocator.Find(document.RootElement, source.Name, _options.MaxArticles);
        var articles = new List<NormalizedArticle>(located.Count);
        foreach (var article in located)
        {
            var scope = article.Path == "$" ? $"'{source.Name}'" : $"'{source.Name}' at {article.Path}";
            articles.Add(Normalize(article, scope));
        }

        return articles;
    }

    private JsonDocument Parse(string text, string sourceName)
    {
        try
        {
            return JsonDocument.Parse(text, _parseOptions);
        }
        catch (JsonException ex) when (ex.Message.Contains("maximum configured depth", StringComparison.Ordinal)
            || ex.Message.Contains("maximum allowed depth", StringComparison.Ordinal))
        {
            throw new NormalizationException(
                NormalizationErrorCode.Malformed,
                $"'{sourceName}' nests JSON deeper than {_parseOptions.MaxDepth} levels (line {ex.LineNumber + 1}); the limit is Pipeline:Normalization:Json:MaxDepth.",
                ex);
        }
        catch (JsonException ex)
        {
            throw new NormalizationException(
                NormalizationErrorCode.Malformed,
                $"'{sourceName}' is not valid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {ReasonOf(ex)}",
                ex);
        }
    }

    // The reason without the position suffix the message repeats ("… Path: $ | LineNumber: 0 | BytePositionInLine: 9.").
    private static string ReasonOf(JsonException ex)
    {
        var message = ex.Message;
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (end < 0)
        {
            end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        return end > 0 ? message[..end] : message;
    }

    private NormalizedArticle Normalize(LocatedArticle located, string scope)
    {
        var fields = ArticleFieldReader.Read(located.Element, scope);
        var bodyName = fields.Body is { } bodyText ? $"{scope}.{bodyText.Field}" : $"{scope}.sections";
        var body = _body.Read(fields, bodyName);
        if (body.Sections.Count == 0)
        {
            throw new NormalizationException(
                NormalizationErrorCode.NoText,
                $"{scope} holds no article text: give it a \"body\" (or \"content\", \"html\", \"text\", \"articleBody\") or \"sections\".");
        }

        var title = fields.Title ?? body.Title
            ?? throw new NormalizationException(NormalizationErrorCode.NoTitle, $"{scope} has no title: give it a \"title\" or \"headline\".");
        var extracted = body.Extracted;
        return new NormalizedArticle
        {
            Format = ArticleFormat.Json,
            Title = title,
            Authors = fields.Authors.Count > 0 ? fields.Authors : extracted?.Authors ?? [],
            Published = fields.Published ?? extracted?.Published,
            Modified = fields.Modified ?? extracted?.Modified,
            Sections = body.Sections,
            Related = [.. body.Related, .. fields.Related],
            Tags = fields.Tags,
            Language = fields.Language ?? extracted?.Language,
            SiteName = fields.SiteName ?? extracted?.SiteName,
            CanonicalUrl = fields.CanonicalUrl ?? extracted?.CanonicalUrl,
            LeadImageUrl = fields.LeadImageUrl ?? extracted?.LeadImageUrl,
            Description = fields.Description ?? extracted?.Description,
        };
    }
}
