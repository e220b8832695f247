using System.Net;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Pipeline.Core.Articles;
using Pipeline.Core.Normalization.PlainText;

namespace Pipeline.Core.Normalization.Markdown;

/// <summary>
/// Parses Markdown with Markdig (CommonMark plus YAML front matter) and flattens the syntax tree into
/// <see cref="MarkdownBlock"/>s: headings, paragraphs and list items as plain text. Block quotes become their
/// paragraphs, code blocks one paragraph each (code is content in a technical post), and raw HTML blocks their text.
/// </summary>
internal static partial class MarkdownBlockReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    /// <exception cref="NormalizationException">
    /// <see cref="NormalizationErrorCode.Malformed"/> for Markdown nested deeper than Markdig's limit (128) or with
    /// more inline markup than it can parse in bounded time (see <see cref="MarkupBudget"/>).
    /// </exception>
    public static MarkdownBlocks Read(string markdown, string sourceName)
    {
        MarkupBudget.EnsureWithin(markdown, sourceName);
        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException ex)
        {
            // Markdig's own guard against stack exhaustion: quotes, lists or brackets nested beyond its depth limit.
            throw new NormalizationException(
                NormalizationErrorCode.Malformed,
                $"'{sourceName}' nests Markdown deeper than {Pipeline.MaximumNestingDepth} levels; no article does.",
                ex);
        }

        string? frontMatter = null;
        var blocks = new List<MarkdownBlock>();
        foreach (var block in document)
        {
            if (block is YamlFrontMatterBlock yaml)
            {
                frontMatter ??= yaml.Lines.ToString();
            }
            else
            {
                Append(block, blocks);
            }
        }

        return new MarkdownBlocks(frontMatter, blocks);
    }

    private static void Append(Block block, List<MarkdownBlock> blocks)
    {
        switch (block)
        {
            case HeadingBlock heading:
                var headingText = LineText.CollapseWhitespace(InlineText.Flatten(heading.Inline).Text);
                if (HasWords(headingText))
                {
                    blocks.Add(new MarkdownHeading(heading.Level, headingText));
                }

                break;
            case ParagraphBlock paragraph:
                AddParagraph(InlineText.Flatten(paragraph.Inline).Text, blocks);
                break;
            case ListBlock list:
                AppendList(list, blocks);
                break;
            case CodeBlock code:
                // Fenced and indented code alike; lines kept, since they are the code's structure.
                AddParagraph(string.Join('\n', code.Lines.ToString().Split('\n').Select(line => line.TrimEnd())).Trim('\n'), blocks);
                break;
            case HtmlBlock html:
                AppendHtml(html, blocks);
                break;
            case ContainerBlock container:
                // Block quotes (and any container an extension adds): their paragraphs are the article's.
                foreach (var child in container)
                {
                    Append(child, blocks);
                }

                break;
            case LeafBlock { Inline: not null } leaf:
                AddParagraph(InlineText.Flatten(leaf.Inline).Text, blocks);
                break;

                // Thematic breaks, link reference definitions and blank lines carry no text.
        }
    }

    private static void AppendList(ListBlock list, List<MarkdownBlock> blocks)
    {
        foreach (var item in list.OfType<ListItemBlock>())
        {
            // The item's own text is its leading paragraphs; nested lists and other blocks follow it as blocks of
            // their own, so a nested item stays one paragraph too.
            var texts = new List<string>();
            var links = new List<RelatedLink>();
            var index = 0;
            for (; index < item.Count && item[index] is ParagraphBlock paragraph; index++)
            {
                var flattened = InlineText.Flatten(paragraph.Inline);
                texts.Add(flattened.Text);
                links.AddRange(flattened.Links);
            }

            var text = LineText.CollapseWhitespace(string.Join(' ', texts));
            if (HasWords(text))
            {
                var marker = list.IsOrdered ? $"{item.Order}. " : ListItemLine.BulletPrefix;
                blocks.Add(new MarkdownListItem(marker, text, links.Count == 1 ? links[0] : null));
            }

            for (; index < item.Count; index++)
            {
                Append(item[index], blocks);
            }
        }
    }

    private static void AppendHtml(HtmlBlock html, List<MarkdownBlock> blocks)
    {
        var markup = html.Lines.ToString();
        if (html.Type is HtmlBlockType.Comment or HtmlBlockType.DocumentType or HtmlBlockType.ProcessingInstruction or HtmlBlockType.CData
            || (html.Type == HtmlBlockType.ScriptPreOrStyle && !markup.TrimStart().StartsWith("<pre", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        var text = WebUtility.HtmlDecode(Tag().Replace(markup, " "));
        foreach (var paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            AddParagraph(LineText.CollapseWhitespace(paragraph), blocks);
        }
    }

    private static void AddParagraph(string text, List<MarkdownBlock> blocks)
    {
        // Image-only paragraphs and decorations ("* * *" inside HTML) leave no words behind.
        if (HasWords(text))
        {
            blocks.Add(new MarkdownParagraph(text));
        }
    }

    private static bool HasWords(string text) => text.Any(char.IsLetterOrDigit);

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();
}
