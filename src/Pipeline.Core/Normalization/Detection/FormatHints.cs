using Pipeline.Core.Articles;

namespace Pipeline.Core.Normalization.Detection;

/// <summary>
/// The format a source's name or declared content type suggests. Only a hint: uploaders name files carelessly and
/// storage tools default content types, so content decides and the hint only settles what content leaves open.
/// </summary>
internal static class FormatHints
{
    private static readonly Dictionary<string, ArticleFormat> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".json"] = ArticleFormat.Json,
        [".jsonld"] = ArticleFormat.Json,
        [".html"] = ArticleFormat.Html,
        [".htm"] = ArticleFormat.Html,
        [".xhtml"] = ArticleFormat.Html,
        [".md"] = ArticleFormat.Markdown,
        [".markdown"] = ArticleFormat.Markdown,
        [".mdown"] = ArticleFormat.Markdown,
        [".mkd"] = ArticleFormat.Markdown,
        [".txt"] = ArticleFormat.PlainText,
        [".text"] = ArticleFormat.PlainText,
    };

    private static readonly Dictionary<string, ArticleFormat> MediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/json"] = ArticleFormat.Json,
        ["application/ld+json"] = ArticleFormat.Json,
        ["text/json"] = ArticleFormat.Json,
        ["text/html"] = ArticleFormat.Html,
        ["application/xhtml+xml"] = ArticleFormat.Html,
        ["text/markdown"] = ArticleFormat.Markdown,
        ["text/x-markdown"] = ArticleFormat.Markdown,
        ["text/plain"] = ArticleFormat.PlainText,
    };

    /// <summary>The extension's format, else the content type's, else null.</summary>
    public static ArticleFormat? Guess(string name, string? contentType)
    {
        if (Extensions.TryGetValue(Path.GetExtension(name), out var format))
        {
            return format;
        }

        var mediaType = contentType?.Split(';', 2)[0].Trim();
        if (string.IsNullOrEmpty(mediaType))
        {
            return null;
        }

        if (MediaTypes.TryGetValue(mediaType, out format))
        {
            return format;
        }

        return mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase) ? ArticleFormat.Json : null;
    }
}
