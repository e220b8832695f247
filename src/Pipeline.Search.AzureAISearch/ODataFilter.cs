using System.Text;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Filtering;

namespace Pipeline.Search.AzureAISearch;

/// <summary>
/// Writes a parsed filter back as the OData text the service accepts. Field names are the service's own, so the
/// tree only needs re-spelling: literals re-quoted, collection predicates given a range variable.
/// </summary>
internal static class ODataFilter
{
    private const string RangeVariable = "x";

    // search.in takes a single-character delimiter; the first one no value contains is used.
    private const string Delimiters = ",|;~^#";

    public static string Write(FilterExpression filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var builder = new StringBuilder();
        Write(filter, builder, collection: null);
        return builder.ToString();
    }

    private static void Write(FilterExpression filter, StringBuilder builder, string? collection)
    {
        switch (filter)
        {
            case AndFilter and:
                WriteBinary(and.Left, "and", and.Right, builder, collection);
                break;
            case OrFilter or:
                WriteBinary(or.Left, "or", or.Right, builder, collection);
                break;
            case NotFilter not:
                builder.Append("not (");
                Write(not.Operand, builder, collection);
                builder.Append(')');
                break;
            case ComparisonFilter comparison:
                builder.Append(FieldOrVariable(comparison.Field, collection)).Append(' ').Append(Operator(comparison.Operator)).Append(' ');
                AppendLiteral(comparison.Value, builder);
                break;
            case SearchInFilter searchIn:
                var delimiter = Delimiters.FirstOrDefault(d => !searchIn.Values.Any(v => v.Contains(d, StringComparison.Ordinal)));
                if (delimiter == default)
                {
                    throw new InvalidSearchRequestException("filter", $"search.in values may not contain all of the characters '{Delimiters}'.");
                }

                builder.Append("search.in(").Append(FieldOrVariable(searchIn.Field, collection)).Append(", ");
                AppendString(string.Join(delimiter, searchIn.Values), builder);
                builder.Append(", ");
                AppendString(delimiter.ToString(), builder);
                builder.Append(')');
                break;
            case AnyFilter any when any.Predicate is null:
                builder.Append(any.Field).Append("/any()");
                break;
            case AnyFilter { Predicate: { } predicate } any:
                builder.Append(any.Field).Append("/any(").Append(RangeVariable).Append(": ");
                Write(predicate, builder, any.Field);
                builder.Append(')');
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(filter), filter.GetType().Name, "Unknown filter node.");
        }
    }

    private static void WriteBinary(FilterExpression left, string op, FilterExpression right, StringBuilder builder, string? collection)
    {
        builder.Append('(');
        Write(left, builder, collection);
        builder.Append(") ").Append(op).Append(" (");
        Write(right, builder, collection);
        builder.Append(')');
    }

    private static string FieldOrVariable(string field, string? collection) => field == collection ? RangeVariable : field;

    private static string Operator(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Eq => "eq",
        ComparisonOperator.Ne => "ne",
        ComparisonOperator.Gt => "gt",
        ComparisonOperator.Ge => "ge",
        ComparisonOperator.Lt => "lt",
        ComparisonOperator.Le => "le",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    private static void AppendLiteral(object? value, StringBuilder builder)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case string text:
                AppendString(text, builder);
                break;
            case DateTimeOffset instant:
                builder.Append(AzureDates.Format(instant));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(value), value.GetType().Name, "Filter literals are strings, dates or null.");
        }
    }

    private static void AppendString(string text, StringBuilder builder) =>
        builder.Append('\'').Append(text.Replace("'", "''", StringComparison.Ordinal)).Append('\'');
}
