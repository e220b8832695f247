using AngleSharp.Dom;

namespace Pipeline.Core.Normalization.Metadata;

/// <summary>
/// The page's <c>&lt;meta&gt;</c> values by key, read the way pages actually write them: the key may be in
/// <c>property</c>, <c>name</c> or <c>itemprop</c> (and may list several keys separated by spaces), and the value may be
/// in <c>content</c> or, on pages saved through Postlight's DOM normalization, in <c>value</c>.
/// </summary>
/// <remarks>
/// Keys are compared case-insensitively, and the separator after a known vocabulary prefix is unified, so
/// <c>DC.Title</c>, <c>dc:title</c> and <c>dc-title</c> are one key (<c>dc:title</c>). When a key occurs more than once,
/// values from <c>property</c> come first, then those from <c>name</c> or <c>itemprop</c>, each in document order: OpenGraph
/// and Dublin Core are RDFa vocabularies, so the <c>property</c> spelling is the deliberate one, and a page that writes both
/// (a CMS template's <c>name</c> plus a plugin's <c>property</c>) means the latter.
/// </remarks>
internal sealed class MetaTags
{
    private static readonly string[] Vocabularies = ["og", "article", "twitter", "dc", "dcterm", "dcterms", "parsely", "sailthru", "book", "profile"];

    private readonly Dictionary<string, List<string>> _values = new(StringComparer.OrdinalIgnoreCase);

    // How many values at the start of each key's list came from a property attribute.
    private readonly Dictionary<string, int> _propertyValueCounts = new(StringComparer.OrdinalIgnoreCase);

    private MetaTags()
    {
    }

    public static MetaTags From(IDocument document)
    {
        var tags = new MetaTags();
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var value = meta.GetAttribute("content") ?? meta.GetAttribute("value");
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            tags.AddKeys(meta.GetAttribute("property"), value, fromProperty: true);
            tags.AddKeys(meta.GetAttribute("name"), value, fromProperty: false);
            tags.AddKeys(meta.GetAttribute("itemprop"), value, fromProperty: false);
            if (meta.GetAttribute("http-equiv") is { Length: > 0 } httpEquiv)
            {
                tags.Add("http-equiv:" + httpEquiv.Trim(), value, fromProperty: false);
            }
        }

        return tags;
    }

    /// <summary>The first value of the first key (in the order given) that the page has.</summary>
    public string? First(params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            if (_values.TryGetValue(key, out var values))
            {
                return values[0];
            }
        }

        return null;
    }

    /// <summary>Every value of every key given, keys in the order given.</summary>
    public IEnumerable<string> All(params string[] keys)
    {
        foreach (var key in keys)
        {
            if (_values.TryGetValue(key, out var values))
            {
                foreach (var value in values)
                {
                    yield return value;
                }
            }
        }
    }

    private void AddKeys(string? keys, string value, bool fromProperty)
    {
        if (string.IsNullOrWhiteSpace(keys))
        {
            return;
        }

        foreach (var key in keys.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            Add(CanonicalKey(key), value, fromProperty);
        }
    }

    private void Add(string key, string value, bool fromProperty)
    {
        if (!_values.TryGetValue(key, out var values))
        {
            values = [];
            _values[key] = values;
        }

        if (fromProperty)
        {
            var propertyValues = _propertyValueCounts.GetValueOrDefault(key);
            values.Insert(propertyValues, value.Trim());
            _propertyValueCounts[key] = propertyValues + 1;
        }
        else
        {
            values.Add(value.Trim());
        }
    }

    private static string CanonicalKey(string key)
    {
        key = key.Trim().ToLowerInvariant();
        foreach (var vocabulary in Vocabularies)
        {
            if (key.Length > vocabulary.Length + 1
                && key.StartsWith(vocabulary, StringComparison.Ordinal)
                && key[vocabulary.Length] is '.' or '-' or ':')
            {
                return string.Concat(vocabulary, ":", key.AsSpan(vocabulary.Length + 1));
            }
        }

        return key;
    }
}
