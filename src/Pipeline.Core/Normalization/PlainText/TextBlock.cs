namespace Pipeline.Core.Normalization.PlainText;

/// <summary>
/// A run of non-blank lines between blank lines: the unit plain text is built from. It becomes a heading or one or
/// more paragraphs.
/// </summary>
internal sealed class TextBlock(IReadOnlyList<string> lines)
{
    /// <summary>The lines as written, trailing whitespace removed.</summary>
    public IReadOnlyList<string> Lines { get; } = lines;

    /// <summary>The lines joined with single spaces.</summary>
    public string Text { get; } = LineText.CollapseWhitespace(string.Join(' ', lines));

    /// <summary>True when any line is a list item.</summary>
    public bool IsList { get; } = lines.Any(ListItemLine.IsListItem);

    /// <summary>Splits text into blocks at blank lines.</summary>
    public static List<TextBlock> Split(IEnumerable<string> lines)
    {
        var blocks = new List<TextBlock>();
        var current = new List<string>();
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                Flush();
            }
            else
            {
                current.Add(line.TrimEnd());
            }
        }

        Flush();
        return blocks;

        void Flush()
        {
            if (current.Count > 0)
            {
                blocks.Add(new TextBlock(current));
                current = [];
            }
        }
    }

    /// <summary>
    /// The block's paragraphs. Lines are hard wraps of one paragraph and are joined with spaces, except that each
    /// list item starts a paragraph of its own (continuation lines after an item belong to that item).
    /// </summary>
    public IReadOnlyList<string> ToParagraphs()
    {
        if (!IsList)
        {
            return [Text];
        }

        var paragraphs = new List<string>();
        var current = new List<string>();
        foreach (var line in Lines)
        {
            if (ListItemLine.IsListItem(line) && current.Count > 0)
            {
                Flush();
            }

            current.Add(line);
        }

        Flush();
        return paragraphs;

        void Flush()
        {
            var first = ListItemLine.ToParagraph(current[0]);
            var joined = LineText.CollapseWhitespace(string.Join(' ', [first, .. current.Skip(1)]));
            if (joined.Length > 0)
            {
                paragraphs.Add(joined);
            }

            current.Clear();
        }
    }
}
