namespace Pipeline.Core.Normalization.PlainText;

/// <summary>
/// Decides which blocks of plain text are section headings. Plain text has no markup, so a heading is recognised
/// by shape and by what surrounds it: a short single line with no closing punctuation, standing alone between a
/// paragraph of prose before it and one after it.
/// </summary>
/// <remarks>
/// Every condition is there because real text has short lines that are not headings: BBC stories contain fact boxes
/// ("Ewood Park", "Tuesday, 1 March", "2000 GMT"), fixture and ranking lists ("Arsenal v Stoke",
/// "1 Roger Federer (Switzerland)"), and paragraphs broken where the source had italics ("Furry recyclers" followed
/// by "have already had one big-screen outing"). Requiring prose on both sides, a capital letter at the start, a
/// letter or digit at the end and a capitalised next paragraph keeps all of those as paragraphs. The first block is
/// never a heading, so the lead section has none.
/// </remarks>
internal static class HeadingDetector
{
    public const int MaxHeadingWords = 12;

    public const int MaxHeadingLength = 100;

    // A paragraph shorter than this ("The Haka and more!") may be a caption or a list entry, not prose.
    private const int MinProseWords = 6;

    /// <param name="previous">The block before the candidate, or null at the start of the body.</param>
    /// <param name="candidate">The block being classified.</param>
    /// <param name="next">The block after the candidate, or null at the end of the body.</param>
    public static bool IsHeading(TextBlock? previous, TextBlock candidate, TextBlock? next) =>
        previous is not null && next is not null
        && IsHeadingShaped(candidate)
        && (IsProse(previous) || previous.IsList)
        && IsProse(next) && StartsLikeSentence(next.Text);

    /// <summary>One short line that starts with a capital and ends with a letter or digit, not a list item.</summary>
    public static bool IsHeadingShaped(TextBlock block)
    {
        if (block.Lines.Count != 1 || block.IsList)
        {
            return false;
        }

        var text = block.Text;
        return text.Length <= MaxHeadingLength
            && LineText.CountWords(text) <= MaxHeadingWords
            && char.IsUpper(text[0])
            && char.IsLetterOrDigit(text[^1]);
    }

    private static bool IsProse(TextBlock block) =>
        !block.IsList && LineText.CountWords(block.Text) >= MinProseWords && LineText.EndsSentence(block.Text);

    private static bool StartsLikeSentence(string text) =>
        char.IsUpper(text[0]) || char.IsDigit(text[0]) || (text[0] is '"' or '“' or '‘' or '\'' && text.Length > 1 && char.IsUpper(text[1]));
}
