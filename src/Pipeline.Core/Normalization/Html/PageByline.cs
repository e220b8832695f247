using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Pipeline.Core.Normalization.PlainText;

namespace Pipeline.Core.Normalization.Html;

/// <summary>
/// The byline printed on the page, Readability's way: the first element, in document order, that says it holds the
/// author (<c>rel="author"</c>, <c>itemprop="author"</c>, or a class or id such as <c>byline</c>, <c>author</c>,
/// <c>dateline</c>) with a short text. It is the last resort for the author, below every metadata tier.
/// </summary>
internal static partial class PageByline
{
    // A byline is a line; a longer text under such a class is an author box or a biography.
    private const int MaxBylineLength = 100;

    public static string? Find(IDocument document)
    {
        if (document.Body is not { } body)
        {
            return null;
        }

        foreach (var element in body.QuerySelectorAll("[rel], [itemprop], [class], [id]"))
        {
            if (!IsByline(element))
            {
                continue;
            }

            // A structured byline names the person in a child; the rest of the line is labels and dates.
            var name = element.QuerySelector("[itemprop~='name']") ?? element;
            var text = LineText.CollapseWhitespace(name.TextContent);
            if (text.Length is > 0 and < MaxBylineLength)
            {
                return text;
            }
        }

        return null;
    }

    private static bool IsByline(IElement element) =>
        string.Equals(element.GetAttribute("rel"), "author", StringComparison.OrdinalIgnoreCase)
        || (element.GetAttribute("itemprop") is { } itemprop && itemprop.Contains("author", StringComparison.OrdinalIgnoreCase))
        || BylineName().IsMatch($"{element.ClassName} {element.Id}");


    [GeneratedRegex("byline|author|dateline|writtenby|p-author", RegexOptions.IgnoreCase)]
    private static partial Regex BylineName();
}
