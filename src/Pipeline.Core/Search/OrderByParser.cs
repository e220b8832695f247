namespace Pipeline.Core.Search;

/// <summary>
/// Parses an OData <c>$orderby</c> list: <c>published desc</c>, <c>published asc, search.score() desc</c>,
/// <c>search.score()</c>. Each clause is a name from <see cref="ArticleFieldNames.Sortable"/> or
/// <see cref="OrderByClause.Score"/>, then <c>asc</c> (the default) or <c>desc</c>.
/// </summary>
/// <remarks>Empty or white space text is no order: the backend's default (relevance) applies.</remarks>
public static class OrderByParser
{
    public const int MaxClauses = 32;

    internal const string Parameter = "orderby";

    /// <exception cref="InvalidSearchRequestException">The text is not a valid order; the message says where and why.</exception>
    public static IReadOnlyList<OrderByClause> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var items = ListSyntaxItem.Split(text);
        if (items.Count > MaxClauses)
        {
            throw Error(items[MaxClauses].Position, $"At most {MaxClauses} order clauses are allowed; clause {MaxClauses + 1} starts at position {items[MaxClauses].Position}");
        }

        var clauses = new List<OrderByClause>(items.Count);
        foreach (var item in items)
        {
            var clause = ParseClause(item);
            if (clauses.Any(c => c.Field == clause.Field))
            {
                throw Error(item.Position, $"'{clause.Field}' at position {item.Position} is already in the order");
            }

            clauses.Add(clause);
        }

        return clauses;
    }

    private static OrderByClause ParseClause(ListSyntaxItem item)
    {
        var words = Words(item.Text);
        if (words.Count == 0)
        {
            throw Error(item.Position, $"Expected a field at position {item.Position}; {SortableList()}");
        }

        var field = ParseField(words[0], item.Position);
        if (words.Count == 1)
        {
            return new OrderByClause(field, Descending: false);
        }

        var direction = words[1];
        var directionPosition = item.Position + direction.Position;
        var descending = direction.Text switch
        {
            "asc" => false,
            "desc" => true,
            _ => throw Error(directionPosition, $"Expected asc or desc at position {directionPosition}, found '{direction.Text}'"),
        };
        if (words.Count > 2)
        {
            var extra = item.Position + words[2].Position;
            throw Error(extra, $"Expected ',' or the end of the order at position {extra}, found '{words[2].Text}'");
        }

        return new OrderByClause(field, descending);
    }

    private static string ParseField(ListSyntaxItem word, int clausePosition)
    {
        var position = clausePosition + word.Position;
        var name = word.Text;
        if (name == OrderByClause.Score || ArticleFieldNames.Sortable.Contains(name, StringComparer.Ordinal))
        {
            return name;
        }

        if (name == "search.score")
        {
            throw Error(position, $"Write search.score() with its parentheses at position {position}");
        }

        var sameButCase = ArticleFieldNames.Sortable.Append(OrderByClause.Score)
            .FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));
        if (sameButCase is not null)
        {
            throw Error(position, $"Unknown field '{name}' at position {position}; names are case-sensitive: did you mean '{sameButCase}'?");
        }

        throw Error(position, $"Cannot sort by '{name}' at position {position}; {SortableList()}");
    }

    private static List<ListSyntaxItem> Words(string text)
    {
        var words = new List<ListSyntaxItem>();
        for (var i = 0; i < text.Length;)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            words.Add(new ListSyntaxItem(text[start..i], start));
        }

        return words;
    }

    private static string SortableList() =>
        $"sort by {string.Join(", ", ArticleFieldNames.Sortable)} or {OrderByClause.Score}";

    private static InvalidSearchRequestException Error(int position, string message) => new(Parameter, message, position);
}
