using AngleSharp.Dom;

namespace Pipeline.Core.Normalization.Html;

/// <summary>Whether the page hides an element from readers, as the passes that read text must all agree.</summary>
internal static class HiddenElement
{
    /// <summary>True for the <c>hidden</c> attribute, <c>aria-hidden="true"</c>, or an inline <c>display: none</c> or <c>visibility: hidden</c>.</summary>
    public static bool IsHidden(IElement element) =>
        element.HasAttribute("hidden")
        || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
        || (element.GetAttribute("style") is { } style && (ContainsDeclaration(style, "display", "none") || ContainsDeclaration(style, "visibility", "hidden")));

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
