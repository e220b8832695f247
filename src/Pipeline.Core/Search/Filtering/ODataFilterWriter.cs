using System.Text;

namespace Pipeline.Core.Search.Filtering;

/// <summary>
/// Writes a <see cref="FilterExpression"/> as canonical OData filter text, the text the Azure AI Search backend sends.
/// Every value is written as a literal (strings quoted with <c>''</c> escaping, search.in lists with delimiters that
/// occur in none of the values), so a value can never change the filter's structure. Parsing the text gives back an
/// equal expression.
/// </summary>
public static class ODataFilterWriter
{
    // search.in delimiters to try, in order, when a value contains the default ones (space and comma).
    private const string DelimiterCandidates = "|;~^#";

    // Levels of binding, loosest first; an operand that binds looser than its position needs is parenthesized.
    private const int OrLevel = 1;
    private const int AndLevel = 2;
    private const int PrimaryLevel = 3;

    /// <exception cref="ArgumentException">The expression names a field that is not filterable, or holds a value of a type filters do not have.</exception>
    public static string Write(FilterExpression filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var builder = new StringBuilder();
        Write(builder, filter, rangeVariableOf: null);
        return builder.ToString();
    }

    private static int LevelOf(FilterExpression filter) => filter switch
    {
        OrFilter => OrLevel,
        AndFilter => AndLevel,
        _ => PrimaryLevel,
    };

    /// <param name="rangeVariableOf">Inside any(): the collection whose elements the range variable stands for.</param>
    private static void Write(StringBuilder builder, FilterExpression filter, string? rangeVariableOf)
    {
        switch (filter)
        {
            case OrFilter or:
                // Chains are left-nested, as the parser builds them; a right operand of the same kind keeps its parentheses.
                WriteOperand(builder, or.Left, OrLevel, rangeVariableOf);
                builder.Append(" or ");
                WriteOperand(builder, or.Right, AndLevel, rangeVariableOf);
                break;
            case AndFilter and:
                WriteOperand(builder, and.Left, AndLevel, rangeVariableOf);
                builder.Append(" and ");
                WriteOperand(builder, and.Right, PrimaryLevel, rangeVariableOf);
                break;
            case NotFilter not:
                builder.Append("not ");
                // not binds tighter than a comparison, so a comparison under it needs parentheses too.
                var bare = not.Operand is NotFilter or SearchInFilter or AnyFilter;
                WriteOperand(builder, not.Operand, bare ? PrimaryLevel : int.MaxValue, rangeVariableOf);
                break;
            case ComparisonFilter comparison:
                builder.Append(Subject(comparison.Field, rangeVariableOf)).Append(' ').Append(OperatorText(comparison.Operator)).Append(' ');
                WriteValue(builder, comparison);
                break;
            case SearchInFilter searchIn:
                WriteSearchIn(builder, searchIn, rangeVariableOf);
                break;
            case AnyFilter any:
                WriteAny(builder, any, rangeVariableOf);
                break;
            default:
                throw new ArgumentException($"Unknown filter expression {filter.GetType().Name}.", nameof(filter));
        }
    }

    private static void WriteOperand(StringBuilder builder, FilterExpression operand, int minimumLevel, string? rangeVariableOf)
    {
        var parenthesize = LevelOf(operand) < minimumLevel;
        builder.Append(parenthesize ? "(" : string.Empty);
        Write(builder, operand, rangeVariableOf);
        builder.Append(parenthesize ? ")" : string.Empty);
    }

    private static void WriteAny(StringBuilder builder, AnyFilter any, string? rangeVariableOf)
    {
        if (rangeVariableOf is not null)
        {
            throw new ArgumentException($"any() on '{any.Field}' cannot be nested inside any() on '{rangeVariableOf}'.", nameof(any));
        }

        if (!ArticleFieldNames.Collections.Contains(any.Field, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{any.Field}' is not a collection field.", nameof(any));
        }

        builder.Append(any.Field).Append("/any(");
        if (any.Predicate is not null)
        {
            builder.Append(ODataFilterParser.VariableFor(any.Field)).Append(": ");
            Write(builder, any.Predicate, any.Field);
        }

        builder.Append(')');
    }

    private static void WriteSearchIn(StringBuilder builder, SearchInFilter searchIn, string? rangeVariableOf)
    {
        if (searchIn.Values.Count == 0 || searchIn.Values.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("search.in needs at least one value, and no empty ones.", nameof(searchIn));
        }

        if (searchIn.Field == ArticleFieldNames.Published)
        {
            throw new ArgumentException("search.in compares strings, and published is a DateTimeOffset.", nameof(searchIn));
        }

        builder.Append("search.in(").Append(Subject(searchIn.Field, rangeVariableOf)).Append(", ");
        var delimiter = ChooseDelimiter(searchIn.Values);
        AppendString(builder, string.Join(delimiter ?? ",", searchIn.Values));
        if (delimiter is not null)
        {
            builder.Append(", ");
            AppendString(builder, delimiter);
        }

        builder.Append(')');
    }

    /// <returns>Null when the default delimiters (space and comma) occur in no value; otherwise a character that occurs in none.</returns>
    private static string? ChooseDelimiter(IReadOnlyList<string> values)
    {
        if (!values.Any(v => v.AsSpan().IndexOfAny(' ', ',') >= 0))
        {
            return null;
        }

        // Past the usual candidates, the private use area always has a character no value contains.
        var candidates = DelimiterCandidates.Concat(Enumerable.Range(0xE000, 0x1900).Select(c => (char)c));
        return candidates.First(c => !values.Any(v => v.Contains(c, StringComparison.Ordinal))).ToString();
    }

    private static void WriteValue(StringBuilder builder, ComparisonFilter comparison)
    {
        switch (comparison.Value)
        {
            case null:
                builder.Append("null");
                break;
            case string text when comparison.Field != ArticleFieldNames.Published:
                AppendString(builder, text);
                break;
            case DateTimeOffset published when comparison.Field == ArticleFieldNames.Published:
                builder.Append(ODataDateTimeOffset.Format(published));
                break;
            default:
                throw new ArgumentException($"'{comparison.Field}' cannot be compared with a {comparison.Value.GetType().Name}.", nameof(comparison));
        }
    }

    private static string Subject(string field, string? rangeVariableOf)
    {
        if (rangeVariableOf is not null)
        {
            return field == rangeVariableOf
                ? ODataFilterParser.VariableFor(field)
                : throw new ArgumentException($"Inside any() on '{rangeVariableOf}' conditions can only be on its elements, not on '{field}'.", nameof(field));
        }

        if (!ArticleFieldNames.Filterable.Contains(field, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{field}' is not a filterable field.", nameof(field));
        }

        if (ArticleFieldNames.Collections.Contains(field, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{field}' is a collection: its elements are reached through any().", nameof(field));
        }

        return field;
    }

    private static void AppendString(StringBuilder builder, string value) =>
        builder.Append('\'').Append(value.Replace("'", "''", StringComparison.Ordinal)).Append('\'');

    private static string OperatorText(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Eq => "eq",
        ComparisonOperator.Ne => "ne",
        ComparisonOperator.Gt => "gt",
        ComparisonOperator.Ge => "ge",
        ComparisonOperator.Lt => "lt",
        ComparisonOperator.Le => "le",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };
}
