using Pipeline.Core.Articles;

namespace Pipeline.Core.Normalization.Markdown;

/// <summary>
/// One block of a Markdown document as plain text, in reading order: the flat shape sections are built from, with the
/// nesting of lists and quotes already resolved.
/// </summary>
internal abstract record MarkdownBlock(string Text);

/// <param name="Level">1 for <c>#</c> (or a <c>===</c> underline) to 6.</param>
internal sealed record MarkdownHeading(int Level, string Text) : MarkdownBlock(Text);

internal sealed record MarkdownParagraph(string Text) : MarkdownBlock(Text);

/// <param name="Marker">"• " for bulleted items, "3. " for numbered ones (see <see cref="PlainText.ListItemLine"/>).</param>
/// <param name="Text">The item's text without its marker.</param>
/// <param name="Link">The item's link when it has exactly one, for related-story lists.</param>
internal sealed record MarkdownListItem(string Marker, string Text, RelatedLink? Link) : MarkdownBlock(Text)
{
    public string Paragraph => Marker + Text;
}

/// <param name="FrontMatter">The YAML between the opening and closing <c>---</c>, when the document has it.</param>
/// <param name="Blocks">The body.</param>
internal sealed record MarkdownBlocks(string? FrontMatter, IReadOnlyList<MarkdownBlock> Blocks);
