using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Pipeline.Core.Normalization.PlainText;

namespace Pipeline.Core.Normalization.Html;

/// <summary>
/// The marker a list item's paragraph starts with, as in plain-text articles (see <see cref="ListItemLine"/>): "• " for
/// bulleted items and the item's number for ordered ones, so a list still reads as a list once the markup is gone.
/// </summary>
internal static partial class ListMarker
{
    public static string For(IElement item)
    {
        if (item.ParentElement is not { LocalName: "ol" } list)
        {
            return ListItemLine.BulletPrefix;
        }

        var number = int.TryParse(list.GetAttribute("start"), out var start) ? start : 1;
        // The items before this one, counted by index: AngleSharp finds a node's previous sibling by searching its
        // parent's children, which made long lists quadratic per item.
        var nodes = list.ChildNodes;
        for (var i = 0; i < nodes.Length && nodes[i] != item; i++)
        {
            if (nodes[i] is IElement { LocalName: "li" })
            {
                number++;
            }
        }

        return $"{number}. ";
    }

    /// <summary><paramref name="paragraph"/> without the marker <see cref="For"/> put in front of it, if any.</summary>
    public static string Strip(string paragraph) => Marker().Replace(paragraph, string.Empty, 1);

    [GeneratedRegex(@"^(?:• |-?\d+\. )")]
    private static partial Regex Marker();
}
