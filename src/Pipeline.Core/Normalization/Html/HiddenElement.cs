using AngleSharp.Dom;

namespace Pipeline.Core.Normalization.Html;

/// <summary>Whether the page hides an element from readers, as the passes that read text must all agree.</summary>
internal static class HiddenElement
{
    /// <summary>
    /// True for the <c>hidden</c> attribute, <c>aria-hidden="true"</c>, an inline <c>display: none</c> or
    /// <c>visibility: hidden</c>, or a class the common CSS frameworks hide an element with (<c>hidden</c>,
    /// <c>sr-only</c>, <c>visually-hidden</c>, <c>screen-reader-text</c>).
    /// </summary>
    public static bool IsHidden(IElement element) =>
        element.HasAttribute("hidden")
        || HasHidingClass(element)
        || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
        || (element.GetAttribute("style") is { } style && (ContainsDeclaration(style, "display", "none") || ContainsDeclaration(style, "visibility", "hidden")));

    // Token by token over the class attribute, without building a class list: this runs for every element scored.
    private static bool HasHidingClass(IElement element)
    {
        var rest = element.GetAttribute("class").AsSpan();
        while (true)
        {
            rest = rest.TrimStart();
            if (rest.IsEmpty)
            {
                return false;
            }

            var end = rest.IndexOfAny(' ', '\t', '\n');
            var name = end < 0 ? rest : rest[..end];
            if (name.SequenceEqual("hidden") || name.SequenceEqual("sr-only") || name.SequenceEqual("visually-hidden") || name.SequenceEqual("screen-reader-text"))
            {
                return true;
            }

            rest = end < 0 ? [] : rest[end..];
        }
    }

    private static bool ContainsDeclaration(string style, string property, string value)
    {
        var index = style.IndexOf(property, StringComparison.OrdinalIgnoreCase);
        if (index < 0)
        {
            return false;
        }

        var rest = style.AsSpan(index + property.Length).TrimStart();
        return rest.StartsWith(":") && rest[1..].TrimStart().StartsWith(value, StringComparison.OrdinalIgnoreCase);
    }
}
