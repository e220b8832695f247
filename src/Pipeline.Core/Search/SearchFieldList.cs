using System.Text.RegularExpressions;

namespace Pipeline.Core.Search;

/// <summary>
/// Parses the comma-separated field lists of a search request: <c>searchFields</c>, <c>highlight</c> and
/// <c>select</c>. Names are case-sensitive and may not repeat. Empty or white space text is an empty list, which
/// each parameter reads as its default (all searchable fields, no highlights, every property).
/// </summary>
/// <remarks>
/// Azure's per-field fragment count in <c>highlight</c> (<c>body-3</c>) is refused: <see cref="HighlightRequest"/>
/// has no place for it, and accepting it silently would promise something neither backend does.
/// </remarks>
public static partial class SearchFieldList
{
    /// <summary>The JSON properties of a <see cref="SearchHit"/>, which <c>select</c> chooses from.</summary>
    public static IReadOnlyList<string> Selectable { get; } =
        ["id", "title", "score", "authors", "published", "snippet", "tags", "language", "source", "siteName", "format", "summary", "highlights"];

    /// <summary>Fields for the query text to search, from <see cref="ArticleFieldNames.Searchable"/>.</summary>
    public static IReadOnlyList<string> ParseSearchFields(string text) =>
        Parse("searchFields", text, ArticleFieldNames.Searchable, "searchable");

    /// <summary>Fields to highlight, from <see cref="ArticleFieldNames.Highlightable"/>.</summary>
    public static IReadOnlyList<string> ParseHighlight(string text) =>
        Parse("highlight", text, ArticleFieldNames.Highlightable, "highlightable");

    /// <summary>Properties of each hit to return, from <see cref="Selectable"/>; <c>*</c> alone means all of them (an empty list).</summary>
    public static IReadOnlyList<string> ParseSelect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim() == "*" ? [] : Parse("select", text, Selectable, "selectable");
    }

    private static List<string> Parse(string parameter, string text, IReadOnlyList<string> allowed, string adjective)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var fields = new List<string>();
        foreach (var item in ListSyntaxItem.Split(text))
        {
            var name = item.Text;
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                throw new InvalidSearchRequestException(parameter, Problem(parameter, item, allowed, adjective), item.Position);
            }

            if (fields.Contains(name, StringComparer.Ordinal))
            {
                throw new InvalidSearchRequestException(parameter, $"'{name}' at position {item.Position} is listed twice", item.Position);
            }

            fields.Add(name);
        }

        return fields;
    }

    private static string Problem(string parameter, ListSyntaxItem item, IReadOnlyList<string> allowed, string adjective)
    {
        var (name, position) = (item.Text, item.Position);
        var list = string.Join(", ", allowed);
        if (name.Length == 0)
        {
            return $"Expected a field name at position {position}; {adjective} fields are: {list}";
        }

        if (parameter == "highlight" && FragmentCount().Match(name) is { Success: true } match && allowed.Contains(match.Groups[1].Value, StringComparer.Ordinal))
        {
            return $"Fragment counts such as '{name}' at position {position} are not supported; write {match.Groups[1].Value}";
        }

        var sameButCase = allowed.FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));
        return sameButCase is not null
            ? $"Unknown field '{name}' at position {position}; field names are case-sensitive: did you mean '{sameButCase}'?"
            : $"'{name}' at position {position} is not {Article(adjective)} {adjective} field; {adjective} fields are: {list}";
    }

    private static string Article(string adjective) => adjective[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an" : "a";

    [GeneratedRegex(@"^(\w+)-\d+$")]
    private static partial Regex FragmentCount();
}
