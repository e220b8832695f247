using System.Text;
using Markdig.Syntax.Inlines;
using Pipeline.Core.Articles;
using Pipeline.Core.Normalization.PlainText;

namespace Pipeline.Core.Normalization.Markdown;

/// <summary>
/// Flattens a block's inline Markdown to the plain text a reader sees: emphasis and code marks go, link text stays
/// (the URL does not), images go (alt text describes a picture, it is not prose), entities are decoded. Soft line
/// breaks are spaces; hard breaks stay line breaks, as <c>&lt;br&gt;</c> does in HTML articles.
/// </summary>
internal static class InlineText
{
    public static FlattenedInline Flatten(ContainerInline? container)
    {
        var text = new StringBuilder();
        var links = new List<RelatedLink>();
        if (container is not null)
        {
            Append(container, text, links);
        }

        return new FlattenedInline(Collapse(text), links);
    }

    /// <summary>
    /// Collapses runs of whitespace to one space and runs of line breaks to one, trimming each line, in one pass:
    /// a paragraph can be a 50 MB line.
    /// </summary>
    private static string Collapse(StringBuilder text)
    {
        var result = new StringBuilder(text.Length);
        var pending = '\0';
        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (c == '\n')
                {
                    pending = result.Length > 0 ? '\n' : '\0';
                }
                else if (char.IsWhiteSpace(c))
                {
                    if (pending == '\0' && result.Length > 0)
                    {
                        pending = ' ';
                    }
                }
                else
                {
                    if (pending != '\0')
                    {
                        result.Append(pending);
                        pending = '\0';
                    }

                    result.Append(c);
                }
            }
        }

        return result.ToString();
    }

    private static void Append(ContainerInline container, StringBuilder text, List<RelatedLink> links)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LinkInline { IsImage: true }:
                    break;
                case LinkInline link:
                    var start = text.Length;
                    Append(link, text, links);
                    var label = LineText.CollapseWhitespace(text.ToString(start, text.Length - start));
                    if (!string.IsNullOrWhiteSpace(link.Url))
                    {
                        links.Add(new RelatedLink(label.Length > 0 ? label : link.Url, link.Url));
                    }

                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    if (!autolink.IsEmail)
                    {
                        links.Add(new RelatedLink(autolink.Url, autolink.Url));
                    }

                    break;
                case DelimiterInline delimiter:
                    // An unmatched bracket or emphasis mark that the parser left as a delimiter is literal text.
                    text.Append(delimiter.ToLiteral());
                    Append(delimiter, text, links);
                    break;
                case ContainerInline child:
                    Append(child, text, links);
                    break;
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case LineBreakInline lineBreak:
                    text.Append(lineBreak.IsHard ? '\n' : ' ');
                    break;
                case HtmlInline html when html.Tag.StartsWith("<br", StringComparison.OrdinalIgnoreCase):
                    text.Append('\n');
                    break;
            }
        }
    }
}

/// <param name="Text">Plain text; lines (from hard breaks) separated by '\n', whitespace collapsed.</param>
/// <param name="Links">Every link in the text, its text as title.</param>
internal sealed record FlattenedInline(string Text, IReadOnlyList<RelatedLink> Links);
