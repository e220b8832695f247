using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Core.Normalization.Metadata;

/// <summary>
/// Removes the site name that pages attach to their titles ("Obama admits … | The Guardian", "BBC News - Obama …").
/// </summary>
/// <remarks>
/// A segment is only removed when it names the site: it holds the whole declared site name or host name (see
/// <c>NamesSite</c>). Anything else after a separator (an author's name, a series or section name) may be part of
/// the real title and is kept; guessing by word counts throws away real titles with colons and dashes.
/// </remarks>
internal static partial class TitleCleaner
{
    // Letters a segment may add to a site name and still name it: "nytimes" + "com", "cbc" + "news".
    private const int MaxSiteNameSuffix = 4;

    /// <param name="title">The title as the page states it.</param>
    /// <param name="siteNames">Names the page declares for itself (og:site_name, JSON-LD publisher).</param>
    /// <param name="siteHints">Weaker hints at the site's name (application-name, Twitter account), trusted only at the end.</param>
    /// <param name="host">Host name of the page's URL, when known ("www.bbc.co.uk"); also trusted only at the end.</param>
    public static string Clean(string title, IEnumerable<string> siteNames, IEnumerable<string> siteHints, string? host)
    {
        var parts = Separator().Split(title);

        // Split keeps the separators at odd indices: [segment, separator, segment, separator, segment].
        if (parts.Length < 3)
        {
            return title;
        }

        var declared = siteNames.Select(Key).Where(k => k.Length > 0).ToList();
        var all = declared.Concat(siteHints.Select(Key).Where(k => k.Length > 0)).Concat(HostKeys(host)).ToList();

        var first = 0;
        var last = parts.Length - 1;
        while (last - first >= 2 && NamesSite(parts[last], all))
        {
            last -= 2;
        }

        while (last - first >= 2 && NamesSite(parts[first], declared))
        {
            first += 2;
        }

        return string.Concat(parts[first..(last + 1)]).Trim();
    }

    private static bool NamesSite(string segment, List<string> siteKeys)
    {
        var key = Key(segment);
        if (key.Length == 0)
        {
            return false;
        }

        foreach (var site in siteKeys)
        {
            // The segment holds the whole name, give or take a few letters: "CBC News" names the site "CBC", and
            // "NYTimes.com" or "BBC News" the host "nytimes.com" or "bbc.co.uk". A segment that is only part of the
            // name ("Factorio" of "Factorio.com") or merely shares its start ("BBC Three review") is not proof enough:
            // it may be the last words of the headline, and Readability keeps it.
            if (key == site
                || (site.Length >= 3 && key.StartsWith(site, StringComparison.Ordinal) && key.Length - site.Length <= MaxSiteNameSuffix))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"www.bbc.co.uk" gives "bbc" and "bbccouk"; "nytimes.com" gives "nytimes" and "nytimescom".</summary>
    private static IEnumerable<string> HostKeys(string? host)
    {
        if (string.IsNullOrEmpty(host) || host is "fakehost" or "localhost")
        {
            yield break;
        }

        var labels = host.Split('.', StringSplitOptions.RemoveEmptyEntries).SkipWhile(l => l is "www" or "m" or "amp" or "edition").ToArray();
        if (labels.Length == 0)
        {
            yield break;
        }

        yield return Key(labels[0]);
        yield return Key(string.Concat(labels));
    }

    /// <summary>Letters and digits only, lower case, without a leading "the": how a site name is recognised.</summary>
    private static string Key(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        var key = builder.ToString();
        return key.StartsWith("the", StringComparison.Ordinal) && text.TrimStart().StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? key[3..] : key;
    }

    // Pipes and colons (also full-width, as Japanese sites write "見出し：朝日新聞デジタル"), spaced dashes, guillemets,
    // middle dots and slashes, and a bare underscore as Chinese portals use. Splitting generously is safe: only a
    // segment that names the site is ever removed.
    [GeneratedRegex(@"(\s*::\s*|\s*[|｜:：]\s*|\s+[\-–—»«·/]\s+|_)")]
    private static partial Regex Separator();
}
