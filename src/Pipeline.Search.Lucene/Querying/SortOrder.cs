using Lucene.Net.Search;
using Pipeline.Core.Search;
using Pipeline.Search.Lucene.Indexing;

namespace Pipeline.Search.Lucene.Querying;

/// <summary>Turns the requested <see cref="OrderByClause"/>s into a Lucene sort. Ties are always broken by id, so paging through equal values neither repeats nor skips a hit.</summary>
internal static class SortOrder
{
    private static readonly SortField ById = new(IndexFieldNames.Id, SortFieldType.STRING);

    public static Sort ByRelevance { get; } = new(SortField.FIELD_SCORE, ById);

    public static Sort NewestFirst { get; } = new(Published(descending: true), ById);

    /// <param name="matchesAll">Whether the query ranks nothing; without an order its hits come newest first.</param>
    public static Sort For(IReadOnlyList<OrderByClause> orderBy, bool matchesAll)
    {
        if (orderBy.Count == 0)
        {
            return matchesAll ? NewestFirst : ByRelevance;
        }

        var fields = orderBy.Select(ToSortField).Append(ById).ToArray();
        return new Sort(fields);
    }

    private static SortField ToSortField(OrderByClause clause) => clause.Field switch
    {
        OrderByClause.Score => clause.Descending ? SortField.FIELD_SCORE : new SortField(null, SortFieldType.SCORE, reverse: true),
        ArticleFieldNames.Published => Published(clause.Descending),
        _ => throw new InvalidSearchRequestException(
            "orderby",
            $"Cannot order by '{clause.Field}'; order by {OrderByClause.Score} or one of {string.Join(", ", ArticleFieldNames.Sortable)}."),
    };

    // Articles without a date come last in both directions: they are neither the newest nor the oldest.
    private static SortField Published(bool descending)
    {
        var field = new SortField(IndexFieldNames.Published, SortFieldType.INT64, descending);
        field.SetMissingValue(descending ? long.MinValue : long.MaxValue);
        return field;
    }
}
