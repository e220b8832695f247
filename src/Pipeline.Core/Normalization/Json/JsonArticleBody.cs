using System.Net;
using System.Text;
using Pipeline.Core.Articles;
using Pipeline.Core.Normalization.Detection;
using Pipeline.Core.Normalization.Html;
using Pipeline.Core.Normalization.Markdown;
using Pipeline.Core.Normalization.PlainText;
using Pipeline.Core.Normalization.Text;

namespace Pipeline.Core.Normalization.Json;

/// <summary>
/// Turns the body of a JSON article into sections with the normalizer its text calls for, so a body reads the same as
/// the equivalent upload would: HTML (the <c>html</c> field, or text that is markup) through the HTML normalizer,
/// Markdown (the <c>markdown</c> field, or text with Markdown syntax) through the Markdown body rules, anything else
/// through the plain-text rules.
/// </summary>
internal sealed class JsonArticleBody(HtmlNormalizer html)
{
    /// <param name="fields">The article's fields; its title, when known, lets the body drop a repeated headline.</param>
    /// <param name="bodyName">Names the body in messages ("'feed.json' at $[2].body").</param>
    public BodyContent Read(StatedArticleFields fields, string bodyName)
    {
        if (fields.Sections is { } sections)
        {
            return new BodyContent(null, sections, [], null);
        }

        if (fields.Body is not { } body)
        {
            return BodyContent.None;
        }

        var text = TextCleaner.Clean(body.Text);
        if (body.IsHtml || (!body.IsMarkdown && (HtmlSignature.IsDocument(text) || HtmlSignature.IsFragment(text, hinted: false))))
        {
            var page = FromHtml(text, fields, bodyName);
            return new BodyContent(page.Title, page.Sections, page.Related, page);
        }

        if (body.IsMarkdown || MarkdownSignature.HasMarkdownSyntax(text))
        {
            var markdown = MarkdownBody.Parse(text, fields.Title, bodyName);
            return new BodyContent(markdown.Title, markdown.Sections, markdown.Related, null);
        }

        // The plain-text rules take the first line as the title, so a known title goes first (and a body that
        // repeats it loses the repeat, as a scraped page does).
        var article = PlainTextNormalizer.Normalize(fields.Title is null ? text : $"{fields.Title}\n\n{text}", bodyName);
        return new BodyContent(article.Title, article.Sections, article.Related, article);
    }

    private NormalizedArticle FromHtml(string markup, StatedArticleFields fields, string bodyName)
    {
        // A fragment gets a page around it, with the known title, so that the HTML normalizer's title rules (and its
        // removal of a heading that repeats the title) see what a saved page would show.
        var page = HtmlSignature.IsDocument(markup)
            ? markup
            : $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(fields.Title)}</title></head><body><article>{markup}</article></body></html>";
        var source = new SourceDocument(bodyName, Encoding.UTF8.GetBytes(page), "text/html; charset=utf-8");

        // Relative links in the body resolve against the article's own URL, as they would on its page.
        return html.Normalize(source, fields.CanonicalUrl is { } url ? new Uri(url) : null);
    }
}

/// <param name="Title">A title the body itself provides (a first heading or line), when it has one.</param>
/// <param name="Sections">The body's sections; empty when there is no body.</param>
/// <param name="Related">Related-story links found in the body.</param>
/// <param name="Extracted">What the HTML or plain-text normalizer found, for metadata the JSON fields do not give.</param>
internal sealed record BodyContent(string? Title, IReadOnlyList<ArticleSection> Sections, IReadOnlyList<RelatedLink> Related, NormalizedArticle? Extracted)
{
    public static BodyContent None { get; } = new(null, [], [], null);
}
