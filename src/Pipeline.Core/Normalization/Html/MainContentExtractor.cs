using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using SmartReader;

namespace Pipeline.Core.Normalization.Html;

/// <summary>
/// Finds the element that holds the article on a full page, with SmartReader (a port of Mozilla's Readability):
/// it scores blocks by text, punctuation and link density and keeps the best one with its related siblings.
/// </summary>
internal static class MainContentExtractor
{
    // SmartReader needs an address to resolve links against; without a real one nothing is resolved anyway.
    private static readonly Uri PlaceholderAddress = new("http://localhost/");

    /// <summary>
    /// The article element, or the page body when SmartReader finds no article (short pages, pages that are one
    /// list). SmartReader edits <paramref name="document"/> as it works, so read anything else from it first.
    /// </summary>
    public static ExtractedContent Extract(IHtmlDocument document, Uri? baseUri)
    {
        using var reader = new Reader((baseUri ?? PlaceholderAddress).AbsoluteUri, document)
        {
            // Keep going on pages Readability would not offer a reader view for: an upload is an article by intent.
            ContinueIfNotReadable = true,

            // Metadata is read before, from the same document (see ArticleMetadataReader).
            DisableJSONLD = true,
        };

        if (document.Body is { } body)
        {
            RemoveHidden(body, reader.IsNodeVisible);
        }

        // The article element itself, as SmartReader leaves it, so its HTML is not serialized and parsed again.
        IElement? extracted = null;
        reader.AddCustomOperationEnd(element => extracted = element);
        var article = reader.GetArticle();

        // IsReadable is SmartReader's guess whether a reader view is worth offering; its content is still the best
        // block on the page, which is what an uploaded page needs.
        if (extracted is not null && !string.IsNullOrWhiteSpace(extracted.TextContent))
        {
            return new ExtractedContent(extracted, article.Byline, FromReader: true);
        }

        return new ExtractedContent(document.Body ?? document.DocumentElement, article.Byline, FromReader: false);
    }

    // Hidden elements and modal dialogs, which SmartReader removes first thing on every attempt, but only after
    // serializing the body for its retries: removing them before spares it serializing, re-parsing and walking them (a
    // tenth of the elements on the pages that reach it). Images stay: SmartReader first swaps a hidden placeholder
    // image for the real one in the <noscript> after it. The page body that stands in when SmartReader finds nothing
    // lacks them too, as the body builder would skip them anyway.
    private static void RemoveHidden(IElement element, Func<IElement, bool> isVisible)
    {
        var children = element.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            if (children[i] is not IElement child)
            {
                continue;
            }

            if (child.LocalName != "img" && (!isVisible(child) || (child.GetAttribute("aria-modal") == "true" && child.GetAttribute("role") == "dialog")))
            {
                child.Remove();
            }
            else
            {
                RemoveHidden(child, isVisible);
            }
        }
    }
}

/// <param name="Element">The element whose content is the article.</param>
/// <param name="Byline">The byline SmartReader noticed while scoring, if any.</param>
/// <param name="FromReader">False when SmartReader found nothing and the page body stands in.</param>
internal sealed record ExtractedContent(IElement Element, string? Byline, bool FromReader);
