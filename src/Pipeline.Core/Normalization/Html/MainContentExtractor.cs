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
}

/// <param name="Element">The element whose content is the article.</param>
/// <param name="Byline">The byline SmartReader noticed while scoring, if any.</param>
/// <param name="FromReader">False when SmartReader found nothing and the page body stands in.</param>
internal sealed record ExtractedContent(IElement Element, string? Byline, bool FromReader);
