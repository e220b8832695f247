using AngleSharp.Dom;

namespace Pipeline.Core.Normalization.Metadata;

/// <summary>
/// Reads an HTML page's article metadata with one precedence for every field: JSON-LD, then OpenGraph and Twitter
/// cards, then other meta tags (Dublin Core, Parse.ly, plain <c>author</c>/<c>description</c>), then what the visible
/// page shows (<c>h1</c>, byline elements, <c>&lt;time datetime&gt;</c>). The first tier that yields a usable value wins.
/// </summary>
/// <remarks>
/// Three fields deviate on purpose. The title prefers Dublin Core over OpenGraph (see <c>ReadTitle</c>). The canonical
/// URL prefers <c>&lt;link rel="canonical"&gt;</c>, the element that exists for exactly that purpose, over every other
/// tier. The language prefers <c>&lt;html lang&gt;</c>, which browsers and screen readers act on, over <c>og:locale</c>,
/// which is often a site-wide default.
/// </remarks>
internal static class ArticleMetadataReader
{
    public static ArticleMetadata Read(IDocument document, Uri? baseUri)
    {
        var jsonLd = JsonLdArticle.From(document);
        var meta = MetaTags.From(document);
        var parsely = ParselyPage.Read(meta);

        var canonicalUrl = AbsoluteUrl(baseUri, document.QuerySelector("link[rel~=canonical][href]")?.GetAttribute("href"))
            ?? AbsoluteUrl(baseUri, meta.First("og:url"))
            ?? AbsoluteUrl(baseUri, jsonLd?.Url);

        var siteName = FirstText(
            MetadataText.CleanEncoded(jsonLd?.PublisherName),
            meta.First("og:site_name"),
            meta.First("application-name", "al:ios:app_name", "al:android:app_name"));

        return new ArticleMetadata
        {
            Title = ReadTitle(document, jsonLd, meta, parsely, siteName, HostOf(canonicalUrl) ?? baseUri?.Host),
            Authors = ReadAuthors(document, jsonLd, meta, parsely),
            Published = DateValue.Choose(PublishedCandidates(document, jsonLd, meta, parsely)),
            Modified = DateValue.Choose(ModifiedCandidates(document, jsonLd, meta)),
            SiteName = siteName,
            CanonicalUrl = canonicalUrl,
            Language = LanguageTag.Primary(document.DocumentElement.GetAttribute("lang"))
                ?? LanguageTag.Primary(document.DocumentElement.GetAttribute("xml:lang"))
                ?? LanguageTag.Primary(meta.First("og:locale"))
                ?? LanguageTag.Primary(meta.First("http-equiv:content-language", "content-language", "language", "dc:language"))
                ?? LanguageTag.Primary(jsonLd?.Language),
            LeadImageUrl = AbsoluteUrl(baseUri, jsonLd?.Image)
                ?? AbsoluteUrl(baseUri, meta.First("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"))
                ?? AbsoluteUrl(baseUri, document.QuerySelector("link[rel~=image_src][href]")?.GetAttribute("href")),
            Description = FirstText(
                MetadataText.CleanEncoded(jsonLd?.Description),
                meta.First("og:description", "twitter:description"),
                meta.First("dc:description", "dcterm:description", "description", "sailthru:description")),
        };
    }

    // The candidates are yielded lazily, tier by tier: DateValue.Choose usually stops at a metadata tier, and the page
    // tier searches the whole document.
    private static IEnumerable<string?> PublishedCandidates(IDocument document, JsonLdArticle? jsonLd, MetaTags meta, ParselyPage? parsely)
    {
        yield return jsonLd?.DatePublished;
        foreach (var value in meta.All("article:published_time", "og:published_time", "og:article:published_time"))
        {
            yield return value;
        }

        foreach (var value in meta.All(
            "parsely:pub-date", "sailthru:date", "datepublished", "dc:date", "dcterms:date", "dcterm:date", "dc:date.issued",
            "dcterms:issued", "dcterms:created", "date", "pubdate", "publishdate", "publish-date", "publication_date",
            "article:published", "originalpublicationdate", "cxenseparse:recs:publishtime", "cxenseparse:publishtime"))
        {
            yield return value;
        }

        yield return parsely?.PublishedDate;
        foreach (var value in PageHeuristics.PublishedTimes(document))
        {
            yield return value;
        }
    }

    private static IEnumerable<string?> ModifiedCandidates(IDocument document, JsonLdArticle? jsonLd, MetaTags meta)
    {
        yield return jsonLd?.DateModified;
        foreach (var value in meta.All("article:modified_time", "og:updated_time", "og:modified_time"))
        {
            yield return value;
        }

        foreach (var value in meta.All("datemodified", "dcterms:modified", "dc:date.modified", "last-modified", "lastmod"))
        {
            yield return value;
        }

        foreach (var value in PageHeuristics.ModifiedTimes(document))
        {
            yield return value;
        }
    }

    private static string? ReadTitle(IDocument document, JsonLdArticle? jsonLd, MetaTags meta, ParselyPage? parsely, string? siteName, string? host)
    {
        var documentTitle = DocumentTitle.Read(document);

        // Dublin Core ranks above OpenGraph for the title (only): a page that bothers to declare dc:title states the
        // document's own title, while og:title is often written for sharing cards. Readability ranks them the same way,
        // and on pages that declare both the values almost always agree.
        var title = FirstText(
            MetadataText.CleanEncoded(jsonLd?.Title(documentTitle)),
            meta.First("dc:title", "dcterm:title", "dcterms:title"),
            meta.First("og:title", "twitter:title"),
            meta.First("parsely:title", "sailthru:title", "title", "headline"),
            parsely?.Title,
            documentTitle) ?? FirstText(PageHeuristics.Headline(document));
        if (title is null)
        {
            return null;
        }

        // The declared site names may be stripped from either end of the title; the weaker hints (app name, Twitter
        // account, host) only from the end, where a site name is the usual reading and a product name the exception.
        string?[] siteNames = [siteName, meta.First("og:site_name"), MetadataText.CleanEncoded(jsonLd?.PublisherName)];
        string?[] hints = [meta.First("application-name"), TwitterHandle(meta.First("twitter:site"))];
        return TitleCleaner.Clean(title, siteNames.OfType<string>(), hints.OfType<string>(), host);
    }

    private static IReadOnlyList<string> ReadAuthors(IDocument document, JsonLdArticle? jsonLd, MetaTags meta, ParselyPage? parsely)
    {
        IReadOnlyList<string> authors = jsonLd is null ? [] : AuthorNames.ParseAll(jsonLd.AuthorNames.Select(MetadataText.CleanEncoded));
        if (authors.Count == 0)
        {
            // article:author is often a profile URL; AuthorNames drops those, so a URL falls through to the next tier.
            authors = AuthorNames.ParseAll(meta.All("article:author", "og:article:author"));
        }

        if (authors.Count == 0 && LabelledTwitterValue(meta, "Written by") is { } writtenBy)
        {
            authors = AuthorNames.Parse(writtenBy);
        }

        if (authors.Count == 0)
        {
            authors = AuthorNames.ParseAll(FirstValues(meta, "dc:creator", "dcterm:creator", "dcterms:creator", "author", "parsely:author", "sailthru:author", "byl", "byline"));
        }

        if (authors.Count == 0 && parsely is not null)
        {
            authors = AuthorNames.ParseAll(parsely.Authors);
        }

        return authors.Count > 0 ? authors : PageHeuristics.BylineNames(document);
    }

    /// <summary>
    /// The value of a Twitter card label/data pair (<c>twitter:label1</c> "Written by", <c>twitter:data1</c> "Jane Doe"),
    /// which WordPress SEO plugins and LinkedIn use to state the author.
    /// </summary>
    private static string? LabelledTwitterValue(MetaTags meta, string label)
    {
        for (var i = 1; i <= 4; i++)
        {
            if (string.Equals(meta.First($"twitter:label{i}"), label, StringComparison.OrdinalIgnoreCase))
            {
                return meta.First($"twitter:data{i}");
            }
        }

        return null;
    }

    /// <summary>All values of the first key the page has: several <c>author</c> tags are several authors.</summary>
    private static IEnumerable<string> FirstValues(MetaTags meta, params string[] keys)
    {
        foreach (var key in keys)
        {
            var values = meta.All(key).ToList();
            if (values.Count > 0)
            {
                return values;
            }
        }

        return [];
    }

    private static string? FirstText(params ReadOnlySpan<string?> values)
    {
        foreach (var value in values)
        {
            if (MetadataText.Clean(value) is { } text)
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>An absolute web URL, or null: a relative one is useless once the page is gone.</summary>
    private static string? AbsoluteUrl(Uri? baseUri, string? value)
    {
        var text = MetadataText.Clean(value);
        if (text is null)
        {
            return null;
        }

        var resolved = baseUri is null ? Uri.TryCreate(text, UriKind.Absolute, out var absolute) : Uri.TryCreate(baseUri, text, out absolute);
        return resolved && (absolute!.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps) ? absolute.AbsoluteUri : null;
    }

    private static string? HostOf(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : null;

    private static string? TwitterHandle(string? value) => value?.TrimStart('@');
}
