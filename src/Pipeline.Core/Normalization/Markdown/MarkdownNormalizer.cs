using Pipeline.Core.Articles;
using Pipeline.Core.Normalization.Json;
using Pipeline.Core.Normalization.Text;

namespace Pipeline.Core.Normalization.Markdown;

/// <summary>
/// Normalizes a Markdown article (CommonMark, parsed with Markdig) with optional YAML front matter.
/// </summary>
/// <remarks>
/// <para>
/// Front matter is read with the same field rules as a JSON upload (see <see cref="JsonNormalizer"/>):
/// <c>title</c>, <c>author</c>/<c>authors</c>, <c>date</c>/<c>published</c>, <c>updated</c>, <c>tags</c>/<c>keywords</c>,
/// <c>url</c>/<c>canonical</c>, <c>description</c>/<c>summary</c>, <c>lang</c>, <c>image</c>, <c>site_name</c> and their
/// aliases. A value of the wrong type (<c>title: [a, b]</c>) and YAML that does not parse are rejected as
/// <see cref="NormalizationErrorCode.Malformed"/>.
/// </para>
/// <para>
/// The body follows <see cref="MarkdownBody"/>: the title from front matter, else the first <c># heading</c>; other
/// headings start sections; paragraphs, list items ("• item", "1. item") and quoted paragraphs become plain-text
/// paragraphs with emphasis and link markup removed and link text kept; a "## Related" or "Read more" list of links
/// becomes related links.
/// </para>
/// </remarks>
public sealed class MarkdownNormalizer : IArticleNormalizer
{
    public IReadOnlyList<NormalizedArticle> Normalize(SourceDocument source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = TextCleaner.Clean(TextDecoder.Decode(source).Text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new NormalizationException(NormalizationErrorCode.Empty, $"'{source.Name}' holds only whitespace.");
        }

        var document = MarkdownBlockReader.Read(text, source.Name);
        var fields = document.FrontMatter is { } yaml && FrontMatterParser.Parse(yaml, source.Name) is { } frontMatter
            ? ArticleFieldReader.Read(frontMatter, $"'{source.Name}' front matter")
            : StatedArticleFields.None;
        var body = MarkdownBody.Build(document.Blocks, fields.Title);
        if (body.Sections.Count == 0)
        {
            throw new NormalizationException(NormalizationErrorCode.NoText, $"'{source.Name}' holds no article text.");
        }

        var title = body.Title
            ?? throw new NormalizationException(NormalizationErrorCode.NoTitle, $"'{source.Name}' has no title: give it a front matter title or a '# heading'.");

        return
        [
            new NormalizedArticle
            {
                Format = ArticleFormat.Markdown,
                Title = title,
                Authors = fields.Authors,
                Published = fields.Published,
                Modified = fields.Modified,
                Sections = body.Sections,
                Related = [.. body.Related, .. fields.Related],
                Tags = fields.Tags,
                Language = fields.Language,
                SiteName = fields.SiteName,
                CanonicalUrl = fields.CanonicalUrl,
                LeadImageUrl = fields.LeadImageUrl,
                Description = fields.Description,
            },
        ];
    }
}
