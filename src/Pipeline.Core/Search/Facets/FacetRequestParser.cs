using System.Globalization;

namespace Pipeline.Core.Search.Facets;

/// <summary>
/// Parses one facet in Azure AI Search's syntax: a field from <see cref="ArticleFieldNames.Facetable"/>, then
/// comma-separated parameters: <c>tags,count:5</c>, <c>published,interval:month</c>,
/// <c>published,values:2024-01-01T00:00:00Z|2025-01-01T00:00:00Z</c>.
/// </summary>
/// <remarks>
/// <c>sort:count</c> is accepted because it names the only order value facets have (most frequent first);
/// <c>sort:-count</c>, <c>sort:value</c> and <c>sort:-value</c> are refused rather than silently ignored. Azure's
/// <c>minute</c> and <c>hour</c> intervals are refused too: <see cref="DateInterval"/> starts at a day.
/// </remarks>
public static class FacetRequestParser
{
    internal const string Parameter = "facet";

    private static readonly string[] NonFacetableFields = [ArticleFieldNames.Id, ArticleFieldNames.Title, ArticleFieldNames.Body];

    /// <exception cref="InvalidSearchRequestException">The text is not a valid facet; the message says where and why.</exception>
    public static FacetRequest Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var items = ListSyntaxItem.Split(text);
        var field = ParseField(items[0]);
        int? count = null;
        DateInterval? interval = null;
        IReadOnlyList<DateTimeOffset>? boundaries = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items.Skip(1))
        {
            var colon = item.Text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw Error(item.Position, $"Expected a parameter at position {item.Position}, as in count:5, interval:month or values:{ODataDateTimeOffset.Example}|2025-01-01T00:00:00Z; found {Describe(item.Text)}");
            }

            var name = item.Text[..colon].TrimEnd();
            var rawValue = item.Text[(colon + 1)..];
            var value = new ListSyntaxItem(rawValue.TrimStart(), item.Position + colon + 1 + rawValue.Length - rawValue.TrimStart().Length);
            if (!seen.Add(name))
            {
                throw Error(item.Position, $"'{name}' at position {item.Position} is given twice");
            }

            switch (name)
            {
                case "count":
                    count = ParseCount(value);
                    break;
                case "interval":
                    RequirePublished(field, name, item.Position);
                    interval = ParseInterval(value);
                    break;
                case "values":
                    RequirePublished(field, name, item.Position);
                    boundaries = ParseBoundaries(value);
                    break;
                case "sort":
                    RequireCountOrder(value);
                    break;
                default:
                    throw Error(item.Position, $"Unknown facet parameter '{name}' at position {item.Position}; use count, interval, values or sort");
            }

            if (interval is not null && boundaries is not null)
            {
                throw Error(item.Position, $"A facet takes interval or values, not both (position {item.Position})");
            }

            if (count is not null && (interval is not null || boundaries is not null))
            {
                throw Error(item.Position, $"count applies to value facets; a facet with interval or values counts every bucket (position {item.Position})");
            }
        }

        return new FacetRequest(field, count ?? FacetRequest.DefaultCount, interval, boundaries);
    }

    private static string ParseField(ListSyntaxItem item)
    {
        var name = item.Text;
        if (ArticleFieldNames.Facetable.Contains(name, StringComparer.Ordinal))
        {
            return name;
        }

        var facetable = string.Join(", ", ArticleFieldNames.Facetable);
        if (name.Length == 0)
        {
            throw Error(item.Position, $"Expected a field name at position {item.Position}; facetable fields are: {facetable}");
        }

        var sameButCase = ArticleFieldNames.Facetable.FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));
        if (sameButCase is not null)
        {
            throw Error(item.Position, $"Unknown field '{name}' at position {item.Position}; field names are case-sensitive: did you mean '{sameButCase}'?");
        }

        var known = NonFacetableFields.Contains(name, StringComparer.Ordinal);
        throw Error(item.Position, known
            ? $"Field '{name}' at position {item.Position} is not facetable; facetable fields are: {facetable}"
            : $"Unknown field '{name}' at position {item.Position}; facetable fields are: {facetable}");
    }

    private static int ParseCount(ListSyntaxItem value)
    {
        if (value.Text.Length > 0 && value.Text.All(char.IsAsciiDigit)
            && int.TryParse(value.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count is >= 1 and <= FacetRequest.MaxCount)
        {
            return count;
        }

        throw Error(value.Position, $"count must be a whole number from 1 to {FacetRequest.MaxCount}; found {Describe(value.Text)} at position {value.Position}");
    }

    private static DateInterval ParseInterval(ListSyntaxItem value) => value.Text switch
    {
        "day" => DateInterval.Day,
        "week" => DateInterval.Week,
        "month" => DateInterval.Month,
        "quarter" => DateInterval.Quarter,
        "year" => DateInterval.Year,
        _ => throw Error(value.Position, $"interval must be day, week, month, quarter or year; found {Describe(value.Text)} at position {value.Position}"),
    };

    private static List<DateTimeOffset> ParseBoundaries(ListSyntaxItem value)
    {
        var parts = ListSyntaxItem.Split(value.Text, '|');
        if (parts.Count > FacetRequest.MaxCount)
        {
            throw Error(value.Position, $"values lists {parts.Count} boundaries at position {value.Position}; at most {FacetRequest.MaxCount} are allowed");
        }

        var boundaries = new List<DateTimeOffset>(parts.Count);
        foreach (var part in parts)
        {
            var position = value.Position + part.Position;
            if (part.Text.Length == 0)
            {
                throw Error(position, $"Expected a DateTimeOffset such as {ODataDateTimeOffset.Example} at position {position}");
            }

            if (!ODataDateTimeOffset.TryParse(part.Text, out var boundary, out var problem))
            {
                throw Error(position, $"{problem} (position {position})");
            }

            if (boundaries.Count > 0 && boundary <= boundaries[^1])
            {
                throw Error(position, $"values must be in ascending order; '{part.Text}' at position {position} is not after the boundary before it");
            }

            boundaries.Add(boundary);
        }

        return boundaries;
    }

    private static void RequireCountOrder(ListSyntaxItem value)
    {
        if (value.Text != "count")
        {
            throw Error(value.Position, $"Only sort:count (most frequent first) is supported; found {Describe(value.Text)} at position {value.Position}");
        }
    }

    private static void RequirePublished(string field, string parameter, int position)
    {
        if (field != ArticleFieldNames.Published)
        {
            throw Error(position, $"{parameter} applies only to {ArticleFieldNames.Published}, not to '{field}' (position {position})");
        }
    }

    private static string Describe(string text) => text.Length == 0 ? "nothing" : $"'{text}'";

    private static InvalidSearchRequestException Error(int position, string message) => new(Parameter, message, position);
}
