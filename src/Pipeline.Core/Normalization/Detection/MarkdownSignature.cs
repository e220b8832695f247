using System.Text.RegularExpressions;

namespace Pipeline.Core.Normalization.Detection;

/// <summary>Recognises Markdown by the syntax plain text does not use.</summary>
internal static partial class MarkdownSignature
{
    /// <summary>
    /// A YAML front matter block: a first line of <c>---</c>, <c>key: value</c> lines, and a closing <c>---</c> (or
    /// <c>...</c>) line. Static site generators and note apps all write it; plain text never does.
    /// </summary>
    public static bool HasFrontMatter(ReadOnlySpan<char> text) => FrontMatter().IsMatch(text);

    /// <summary>
    /// ATX headings: the text opens with one (<c># Title</c>), or has two or more. One "# " line further down could
    /// be anything; a heading on the first line, or several, is Markdown.
    /// </summary>
    public static bool HasHeadings(ReadOnlySpan<char> text) =>
        FirstLineHeading().IsMatch(text) || AtxHeading().Count(text) >= 2;

    /// <summary>
    /// Any Markdown-only construct: a heading, an inline or image link, strong emphasis, a code fence or a block
    /// quote. Bullet lists are not counted: plain text has them too, and both normalizers keep them alike.
    /// </summary>
    public static bool HasMarkdownSyntax(ReadOnlySpan<char> text) =>
        AtxHeading().IsMatch(text) || InlineLink().IsMatch(text) || StrongEmphasis().IsMatch(text)
        || CodeFence().IsMatch(text) || BlockQuote().IsMatch(text);

    [GeneratedRegex(@"\A---[ \t]*\r?\n(?:[ \t]*(?:#.*)?\r?\n)*[A-Za-z_][\w.-]*[ \t]*:(?:.*\r?\n)*?(?:---|\.\.\.)[ \t]*(?:\r?\n|\z)")]
    private static partial Regex FrontMatter();

    [GeneratedRegex(@"\A\s*#{1,6}[ \t]+\S")]
    private static partial Regex FirstLineHeading();

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+\S", RegexOptions.Multiline)]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"!?\[[^\]\n]+\]\([^)\s]+(?:\s+""[^""\n]*"")?\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"\*\*[^*\s][^*\n]*\*\*|__[^_\s][^_\n]*__")]
    private static partial Regex StrongEmphasis();

    [GeneratedRegex(@"^ {0,3}(?:```|~~~)", RegexOptions.Multiline)]
    private static partial Regex CodeFence();

    [GeneratedRegex(@"^ {0,3}>[ \t]?\S", RegexOptions.Multiline)]
    private static partial Regex BlockQuote();
}
