using System.Net;
using System.Text.Json;
using Pipeline.Core.Articles;
using Pipeline.Core.Normalization.Metadata;
using Pipeline.Core.Normalization.PlainText;
using Pipeline.Core.Normalization.Text;

namespace Pipeline.Core.Normalization.Json;

/// <summary>
/// Reads the article fields of one JSON object (a JSON upload, or Markdown front matter converted to JSON) by the
/// schema <see cref="JsonNormalizer"/> documents. Names are matched ignoring case and several spellings are accepted,
/// because exports differ (<c>datePublished</c>, <c>published_at</c>, <c>date</c>); the first alias present wins.
/// </summary>
/// <remarks>
/// A value of the wrong type is an error that names the field (<c>"title" must be a string, not a number</c>): a
/// silently dropped title or body would make a different article than the uploader meant. Values that have the right
/// type but say nothing usable (an unparseable date, a relative URL, an empty string) are left out instead.
/// </remarks>
internal static class ArticleFieldReader
{
    private static readonly string[] TitleFields = ["title", "headline"];
    private static readonly string[] BodyFields = ["body", "content", "html", "text", "articleBody", "markdown"];
    private static readonly string[] AuthorFields = ["authors", "author", "creator"];
    private static readonly string[] PublishedFields = ["datePublished", "published", "publishedAt", "published_at", "publishDate", "pubDate", "date"];
    private static readonly string[] ModifiedFields = ["dateModified", "modified", "updated", "updatedAt", "updated_at", "lastmod", "last_modified_at"];
    private static readonly string[] UrlFields = ["url", "canonicalUrl", "canonical_url", "canonical", "permalink", "mainEntityOfPage"];
    private static readonly string[] TagFields = ["tags", "keywords"];
    private static readonly string[] LanguageFields = ["language", "lang", "inLanguage", "locale"];
    private static readonly string[] DescriptionFields = ["description", "summary", "excerpt", "abstract"];
    private static readonly string[] ImageFields = ["image", "imageUrl", "leadImageUrl", "coverImage", "cover_image", "featuredImage", "featured_image", "thumbnailUrl"];
    private static readonly string[] SiteNameFields = ["siteName", "site_name", "publisher"];
    private static readonly string[] NameFields = ["name", "title", "headline"];
    private static readonly string[] LinkUrlFields = ["url", "href", "link", "@id"];

    /// <param name="article">A JSON object.</param>
    /// <param name="scope">Where the object is, for messages: "'feed.json' at $[2]", "'post.md' front matter".</param>
    /// <exception cref="NormalizationException"><see cref="NormalizationErrorCode.Malformed"/> for a value of the wrong type.</exception>
    public static StatedArticleFields Read(JsonElement article, string scope)
    {
        var fields = new FieldSet(article, scope);
        var title = fields.String(TitleFields) ?? (JsonLdTypes.IsTyped(article) ? fields.String("name") : null);
        return new StatedArticleFields
        {
            Title = OneLine(title),
            Body = fields.Body(),
            Authors = fields.Authors(),
            Published = DateValue.Parse(fields.String(PublishedFields)),
            Modified = DateValue.Parse(fields.String(ModifiedFields)),
            CanonicalUrl = AbsoluteUrl(fields.Url(UrlFields)),
            Tags = fields.Tags(),
            Language = LanguageTag.Primary(fields.String(LanguageFields)),
            Description = OneLine(fields.String(DescriptionFields)),
            LeadImageUrl = AbsoluteUrl(fields.Url(ImageFields)),
            SiteName = OneLine(fields.Name(SiteNameFields)),
            Sections = fields.Sections(),
            Related = fields.Related(),
        };
    }

    /// <summary>One line of clean text: control characters gone, entities decoded, whitespace collapsed; null when empty.</summary>
    public static string? OneLine(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // Exports and JSON-LD often carry entities ("&amp;", "&#8217;") that no HTML parser ever decoded.
        var text = TextCleaner.Clean(value.Contains('&') ? WebUtility.HtmlDecode(value) : value);
        text = LineText.CollapseWhitespace(text);
        return text.Length == 0 ? null : text;
    }

    private static string? AbsoluteUrl(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;

    /// <summary>The object's properties by name (ignoring case, first occurrence wins, nulls left out), with typed getters.</summary>
    private sealed class FieldSet
    {
        private readonly Dictionary<string, JsonElement> _values = new(StringComparer.OrdinalIgnoreCase);
        private readonly string _scope;

        public FieldSet(JsonElement article, string scope)
        {
            _scope = scope;
            foreach (var property in article.EnumerateObject())
            {
                if (property.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
                {
                    _values.TryAdd(property.Name, property.Value);
                }
            }
        }

        public string? String(params string[] names) => Find(names) is (var name, var value) ? ExpectString(value, name) : null;

        public ArticleBodyText? Body()
        {
            if (Find(BodyFields) is not (var name, var value))
            {
                return null;
            }

            var text = ExpectString(value, name);
            return string.IsNullOrWhiteSpace(text) ? null : new ArticleBodyText(name, text, IsHtml: name.Equals("html", StringComparison.OrdinalIgnoreCase));
        }

        public IReadOnlyList<string> Authors()
        {
            if (Find(AuthorFields) is not (var name, var value))
            {
                return [];
            }

            IEnumerable<string?> bylines = value.ValueKind == JsonValueKind.Array
                ? value.EnumerateArray().Select((item, i) => NameOf(item, $"{name}[{i}]"))
                : [NameOf(value, name)];
            return AuthorNames.ParseAll(bylines.Select(OneLine));
        }

        public IReadOnlyList<string> Tags()
        {
            var tags = new List<string>();
            foreach (var name in TagFields)
            {
                if (!_values.TryGetValue(name, out var value))
                {
                    continue;
                }

                IEnumerable<string?> values = value.ValueKind switch
                {
                    // "keywords": "Ukraine, diplomacy" is how JSON-LD and front matter often write a list.
                    JsonValueKind.String => value.GetString()!.Split(','),
                    JsonValueKind.Array => value.EnumerateArray().Select((item, i) => NameOf(item, $"{name}[{i}]")),
                    _ => throw WrongType(name, "a string or an array of strings", value),
                };
                foreach (var tag in values.Select(t => OneLine(t)?.TrimStart('#').Trim()))
                {
                    if (!string.IsNullOrEmpty(tag) && !tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
                    {
                        tags.Add(tag);
                    }
                }
            }

            return tags;
        }

        /// <summary>A URL given as a string, as an object with <c>url</c> or <c>@id</c>, or as an array whose first item is either.</summary>
        public string? Url(string[] names) => Find(names) is (var name, var value) ? UrlOf(value, name, allowArray: true) : null;

        /// <summary>A name given as a string or as an object with <c>name</c> (a JSON-LD publisher).</summary>
        public string? Name(string[] names) => Find(names) is (var name, var value) ? NameOf(value, name) : null;

        public IReadOnlyList<ArticleSection>? Sections()
        {
            if (Find(["sections"]) is not (var name, var value))
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                throw WrongType(name, "an array of sections", value);
            }

            var sections = new List<ArticleSection>();
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                var path = $"{name}[{index++}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw WrongType(path, "an object with \"heading\" and \"paragraphs\"", item);
                }

                var section = new FieldSet(item, _scope);
                var heading = OneLine(section.Find(["heading", "title"]) is (var headingName, var headingValue) ? section.ExpectString(headingValue, $"{path}.{headingName}") : null);
                var paragraphs = section.Paragraphs(path);
                if (paragraphs.Count > 0)
                {
                    sections.Add(new ArticleSection(heading, paragraphs));
                }
            }

            return sections;
        }

        public IReadOnlyList<RelatedLink> Related()
        {
            if (Find(["related", "relatedLinks"]) is not (var name, var value))
            {
                return [];
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                throw WrongType(name, "an array of links", value);
            }

            var links = new List<RelatedLink>();
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                var path = $"{name}[{index++}]";
                switch (item.ValueKind)
                {
                    case JsonValueKind.String when OneLine(item.GetString()) is { } text:
                        links.Add(AbsoluteUrl(text) is { } url ? new RelatedLink(text, url) : new RelatedLink(text));
                        break;
                    case JsonValueKind.String or JsonValueKind.Null:
                        break;
                    case JsonValueKind.Object:
                        var link = new FieldSet(item, _scope);
                        var linkUrl = link.Find(LinkUrlFields) is (var urlName, var urlValue) ? link.ExpectString(urlValue, $"{path}.{urlName}")?.Trim() : null;
                        var title = OneLine(link.Find(NameFields) is (var titleName, var titleValue) ? link.ExpectString(titleValue, $"{path}.{titleName}") : null);
                        if (title is not null || !string.IsNullOrEmpty(linkUrl))
                        {
                            links.Add(new RelatedLink(title ?? linkUrl!, string.IsNullOrEmpty(linkUrl) ? null : linkUrl));
                        }

                        break;
                    default:
                        throw WrongType(path, "a string or an object with \"title\" and \"url\"", item);
                }
            }

            return links;
        }

        private List<string> Paragraphs(string path)
        {
            if (Find(["paragraphs", "text", "body"]) is not (var name, var value))
            {
                return [];
            }

            var field = $"{path}.{name}";
            IEnumerable<string?> paragraphs = value.ValueKind switch
            {
                JsonValueKind.Array => value.EnumerateArray().Select((item, i) => ExpectString(item, $"{field}[{i}]")),
                JsonValueKind.String => value.GetString()!.Split("\n\n"),
                _ => throw WrongType(field, "an array of strings", value),
            };
            return paragraphs.Select(p => OneLine(p)).OfType<string>().ToList();
        }

        private (string Name, JsonElement Value)? Find(string[] names)
        {
            foreach (var name in names)
            {
                if (_values.TryGetValue(name, out var value))
                {
                    return (name, value);
                }
            }

            return null;
        }

        private string? ExpectString(JsonElement value, string field) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            _ => throw WrongType(field, "a string", value),
        };

        private string? NameOf(JsonElement value, string field) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            JsonValueKind.Object => new FieldSet(value, _scope).Find(["name"]) is (var name, var inner) ? ExpectString(inner, $"{field}.{name}") : null,
            _ => throw WrongType(field, "a string or an object with \"name\"", value),
        };

        private string? UrlOf(JsonElement value, string field, bool allowArray) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            JsonValueKind.Object => new FieldSet(value, _scope).Find(LinkUrlFields) is (var name, var inner) ? ExpectString(inner, $"{field}.{name}") : null,
            JsonValueKind.Array when allowArray => value.EnumerateArray().Select((item, i) => UrlOf(item, $"{field}[{i}]", allowArray: false)).FirstOrDefault(url => url is not null),
            _ => throw WrongType(field, "a URL string or an object with \"url\"", value),
        };

        private NormalizationException WrongType(string field, string expected, JsonElement actual) =>
            new(NormalizationErrorCode.Malformed, $"{_scope}: \"{field}\" must be {expected}, not {Describe(actual)}.");

        private static string Describe(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.Number => $"a number ({value.GetRawText()})",
            JsonValueKind.True or JsonValueKind.False => $"a boolean ({value.GetRawText()})",
            JsonValueKind.String => "a string",
            _ => value.ValueKind.ToString().ToLowerInvariant(),
        };
    }
}
