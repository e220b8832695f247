namespace Pipeline.Core.Search.Filtering;

/// <summary>
/// A parsed filter in the OData subset Azure AI Search accepts. Field names are from <see cref="ArticleFieldNames"/>;
/// produced by <c>ODataFilterParser</c>, translated by each backend (Lucene queries, OData text for Azure).
/// </summary>
public abstract record FilterExpression;

public sealed record AndFilter(FilterExpression Left, FilterExpression Right) : FilterExpression;

public sealed record OrFilter(FilterExpression Left, FilterExpression Right) : FilterExpression;

public sealed record NotFilter(FilterExpression Operand) : FilterExpression;

/// <summary><c>field op literal</c> on a scalar field, or on the element of a collection inside <see cref="AnyFilter"/>.</summary>
/// <param name="Value">A <see cref="string"/>, a <see cref="DateTimeOffset"/> (for <see cref="ArticleFieldNames.Published"/>), or null.</param>
public sealed record ComparisonFilter(string Field, ComparisonOperator Operator, object? Value) : FilterExpression;

/// <summary><c>search.in(field, 'a,b,c')</c>: the field (or collection element) equals one of the values.</summary>
public sealed record SearchInFilter(string Field, IReadOnlyList<string> Values) : FilterExpression
{
    // Equal values, not the same list instance: parsed filters compare equal, and so do filters with the same meaning.
    public bool Equals(SearchInFilter? other) =>
        other is not null && Field == other.Field && Values.SequenceEqual(other.Values, StringComparer.Ordinal);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Field, StringComparer.Ordinal);
        foreach (var value in Values)
        {
            hash.Add(value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}

/// <summary>
/// <c>tags/any(t: predicate)</c>: some element of the collection satisfies the predicate, whose comparisons name the
/// collection field itself (the range variable is resolved by the parser). A null predicate (<c>tags/any()</c>) means
/// the collection is not empty.
/// </summary>
public sealed record AnyFilter(string Field, FilterExpression? Predicate) : FilterExpression;

public enum ComparisonOperator
{
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
}
