using AngleSharp.Dom;

namespace Pipeline.Core.Normalization.Html;

/// <summary>
/// The URL relative links on a page resolve against: the page's <c>&lt;base href&gt;</c>, resolved against the page's own
/// address. The address is the one the caller knows, else the absolute canonical URL the page states; without
/// either, relative links stay relative rather than being resolved against an invented host.
/// </summary>
internal static class DocumentBase
{
    public static Uri? Resolve(IDocument document, Uri? documentUri)
    {
        var address = documentUri
            ?? AbsoluteHttpUri(document.QuerySelector("link[rel~=canonical][href]")?.GetAttribute("href"))
            ?? AbsoluteHttpUri(document.QuerySelector("meta[property='og:url'], meta[name='og:url']") is { } og ? og.GetAttribute("content") ?? og.GetAttribute("value") : null);

        var baseHref = document.QuerySelector("base[href]")?.GetAttribute("href")?.Trim();
        if (string.IsNullOrEmpty(baseHref))
        {
            return address;
        }

        return address is not null && Uri.TryCreate(address, baseHref, out var resolved) ? resolved : AbsoluteHttpUri(baseHref) ?? address;
    }

    /// <summary><paramref name="href"/> made absolute against <paramref name="baseUri"/>, or kept as written when it cannot be.</summary>
    public static string? ResolveLink(Uri? baseUri, string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        href = href.Trim();
        if (baseUri is not null && Uri.TryCreate(baseUri, href, out var absolute))
        {
            return absolute.AbsoluteUri;
        }

        // On Unix "/story/1" is also an absolute file URI, so only web URLs count as already absolute.
        return AbsoluteHttpUri(href)?.AbsoluteUri ?? href;
    }

    private static Uri? AbsoluteHttpUri(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;
}
