using Pipeline.Core.Articles;
using Pipeline.Core.Normalization.PlainText;

namespace Pipeline.Core.Normalization.Markdown;

/// <summary>
/// Builds an article body from Markdown blocks: the title, sections opened by headings, paragraphs, and related-story
/// lists lifted out into <see cref="RelatedLink"/>s.
/// </summary>
/// <remarks>
/// <para>
/// The title is the one the caller knows (front matter, a JSON field); else the first level-1 heading; else a heading
/// or short one-line paragraph that opens the document (as the first line of a plain-text article is its title).
/// A heading that repeats the title is dropped; every other heading, at any level, starts a section.
/// </para>
/// <para>
/// A related list is a marker ("## Related", "**Read more:**", "See also", the markers plain text uses, see
/// <see cref="RelatedListExtractor"/>) followed by list items that are links or headlines. Like a "Read more" box on
/// a page, it is not part of this story, wherever it stands.
/// </para>
/// </remarks>
internal sealed record MarkdownBody(string? Title, IReadOnlyList<ArticleSection> Sections, IReadOnlyList<RelatedLink> Related)
{
    // Markers are a few words ("More from Business Insider"); longer blocks are prose and are not inspected.
    private const int MaxMarkerLength = 80;

    /// <summary>Parses <paramref name="markdown"/> (already cleaned text) and builds its body.</summary>
    public static MarkdownBody Parse(string markdown, string? knownTitle, string sourceName) =>
        Build(MarkdownBlockReader.Read(markdown, sourceName).Blocks, knownTitle);

    public static MarkdownBody Build(IReadOnlyList<MarkdownBlock> blocks, string? knownTitle)
    {
        var (title, titleIndex) = knownTitle is null ? FindTitle(blocks) : (knownTitle, -1);
        var sections = new List<ArticleSection>();
        var related = new List<RelatedLink>();
        string? heading = null;
        var paragraphs = new List<string>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (i == titleIndex || (block is MarkdownHeading && title is not null && LineText.SameText(block.Text, title)))
            {
                continue;
            }

            if (block is MarkdownHeading or MarkdownParagraph && block.Text.Length <= MaxMarkerLength && RelatedListExtractor.IsMarker(block.Text)
                && TryTakeRelatedList(blocks, i + 1, out var links, out var end))
            {
                related.AddRange(links);
                i = end;
                continue;
            }

            switch (block)
            {
                case MarkdownHeading:
                    CloseSection();
                    heading = block.Text;
                    break;
                case MarkdownListItem item:
                    paragraphs.Add(item.Paragraph);
                    break;
                default:
                    paragraphs.Add(block.Text);
                    break;
            }
        }

        CloseSection();
        return new MarkdownBody(title, sections, related);

        void CloseSection()
        {
            if (paragraphs.Count > 0)
            {
                sections.Add(new ArticleSection(heading, paragraphs));
                paragraphs = [];
            }
        }
    }

    private static (string? Title, int Index) FindTitle(IReadOnlyList<MarkdownBlock> blocks)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is MarkdownHeading { Level: 1 } heading)
            {
                return (heading.Text, i);
            }
        }

        return blocks.Count > 0 && blocks[0] switch
        {
            MarkdownHeading => true,
            MarkdownParagraph paragraph => !paragraph.Text.Contains('\n') && paragraph.Text.Length <= PlainTextNormalizer.MaxTitleLength,
            _ => false,
        }
            ? (blocks[0].Text, 0)
            : (null, -1);
    }

    /// <summary>The list items from <paramref name="start"/> on, when there are some and every one is a story link or headline.</summary>
    private static bool TryTakeRelatedList(IReadOnlyList<MarkdownBlock> blocks, int start, out List<RelatedLink> links, out int end)
    {
        links = [];
        end = start - 1;
        for (var i = start; i < blocks.Count && blocks[i] is MarkdownListItem item; i++)
        {
            if (item.Link is { } link)
            {
                links.Add(link);
            }
            else if (RelatedListExtractor.TryParseHeadline(item.Text, out var headline))
            {
                links.Add(headline);
            }
            else
            {
                links.Clear();
                return false;
            }

            end = i;
        }

        return links.Count > 0;
    }
}
