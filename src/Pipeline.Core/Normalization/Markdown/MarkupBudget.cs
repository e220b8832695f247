namespace Pipeline.Core.Normalization.Markdown;

/// <summary>
/// Turns away Markdown whose inline markup would take the parser minutes. Markdig's inline parsing is quadratic in
/// the number of open delimiters in one paragraph: 20,000 unclosed <c>[a](</c> (80 KB) take 8 s, 80,000 take over a
/// minute and a half. Real prose has a handful of brackets and emphasis marks per paragraph, so the work is bounded
/// by the sum over paragraphs of the squared delimiter count, with room for long link lists.
/// </summary>
internal static class MarkupBudget
{
    /// <summary>
    /// Largest sum of squared delimiter counts accepted. 5,000 delimiters in one paragraph (about 1.5 s of parsing
    /// at worst) fit; a 3,000-item list of links in one block is 9,000,000.
    /// </summary>
    public const long MaxWork = 25_000_000;

    /// <exception cref="NormalizationException"><see cref="NormalizationErrorCode.Malformed"/> when over budget.</exception>
    public static void EnsureWithin(string markdown, string sourceName)
    {
        long work = 0;
        long delimiters = 0;
        var lineIsBlank = true;
        foreach (var c in markdown)
        {
            switch (c)
            {
                case '\n':
                    // A blank line ends the paragraph; its delimiters cannot interact with the next one's.
                    if (lineIsBlank)
                    {
                        work += delimiters * delimiters;
                        delimiters = 0;
                    }

                    lineIsBlank = true;
                    break;
                case '[' or '*' or '_':
                    delimiters++;
                    lineIsBlank = false;
                    break;
                case ' ' or '\t':
                    break;
                default:
                    lineIsBlank = false;
                    break;
            }
        }

        work += delimiters * delimiters;
        if (work > MaxWork)
        {
            throw new NormalizationException(
                NormalizationErrorCode.Malformed,
                $"'{sourceName}' packs more link and emphasis markup into its paragraphs than any article does; parsing it would take minutes.");
        }
    }
}
