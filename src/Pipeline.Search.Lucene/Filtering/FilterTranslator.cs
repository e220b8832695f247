using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Filtering;
using Pipeline.Search.Lucene.Indexing;

namespace Pipeline.Search.Lucene.Filtering;

/// <summary>
/// Turns a <see cref="FilterExpression"/> into a Lucene query over the exact-value fields, with OData's semantics:
/// comparisons are exact and case-sensitive, <c>ne</c> and <c>not</c> also match articles without a value, and a
/// range or equality on a value never matches an article that has none.
/// </summary>
internal static class FilterTranslator
{
    private const string Parameter = "filter";

    public static Query Translate(FilterExpression filter) => filter switch
    {
        AndFilter and => Both(Translate(and.Left), Translate(and.Right)),
        OrFilter or => Either(Translate(or.Left), Translate(or.Right)),
        NotFilter not => Not(Translate(not.Operand)),
        ComparisonFilter comparison => Comparison(ScalarField(comparison.Field), comparison),
        SearchInFilter searchIn => OneOf(StringField(ScalarField(searchIn.Field)), searchIn.Values),
        AnyFilter any => Any(any),
        _ => throw Invalid($"Unsupported filter expression {filter.GetType().Name}."),
    };

    private static Query Any(AnyFilter any)
    {
        if (!ArticleFieldNames.Collections.Contains(any.Field))
        {
            throw Invalid($"'{any.Field}' is not a collection; any() applies to {string.Join(", ", ArticleFieldNames.Collections)}.");
        }

        var field = IndexFieldNames.ExactFieldOf(any.Field)!;
        return any.Predicate is null ? HasValue(field) : Element(any.Field, field, any.Predicate);
    }

    /// <summary>
    /// A predicate on one element of a collection. Each translated comparison matches an article when some element
    /// satisfies it, so only combinations that keep that meaning are allowed: <c>or</c> of comparisons, as in Azure
    /// AI Search. (<c>t eq 'a' and t eq 'b'</c> asks for one element equal to both, which no term query expresses.)
    /// </summary>
    private static Query Element(string collection, string field, FilterExpression predicate) => predicate switch
    {
        OrFilter or => Either(Element(collection, field, or.Left), Element(collection, field, or.Right)),
        ComparisonFilter comparison when comparison.Field == collection => ElementComparison(field, comparison),
        SearchInFilter searchIn when searchIn.Field == collection => OneOf(field, searchIn.Values),
        ComparisonFilter or SearchInFilter => throw Invalid($"Inside {collection}/any() a condition can only name the element of {collection}."),
        _ => throw Invalid($"Inside {collection}/any() only comparisons, search.in and 'or' are supported."),
    };

    private static Query ElementComparison(string field, ComparisonFilter comparison)
    {
        var value = comparison.Value as string
            ?? throw Invalid($"Elements of {comparison.Field} are strings; compare them with a string literal.");
        return comparison.Operator == ComparisonOperator.Ne
            ? Either(Range(TermRangeQuery.NewStringRange(field, null, value, false, false)), Range(TermRangeQuery.NewStringRange(field, value, null, false, false)))
            : StringComparison(field, comparison.Operator, value);
    }

    private static string ScalarField(string publicName)
    {
        if (ArticleFieldNames.Collections.Contains(publicName))
        {
            throw Invalid($"'{publicName}' is a collection: filter its elements with {publicName}/any(x: x eq '...').");
        }

        return ArticleFieldNames.Filterable.Contains(publicName)
            ? publicName
            : throw Invalid($"'{publicName}' cannot be filtered on; filterable fields are {string.Join(", ", ArticleFieldNames.Filterable)}.");
    }

    private static string StringField(string publicName) =>
        IndexFieldNames.ExactFieldOf(publicName) ?? throw Invalid($"'{publicName}' is not a string field; search.in compares strings.");

    private static Query Comparison(string publicName, ComparisonFilter comparison)
    {
        if (publicName == ArticleFieldNames.Published)
        {
            return PublishedComparison(comparison);
        }

        var field = StringField(publicName);
        return comparison.Value switch
        {
            null => NullComparison(field, comparison.Operator, HasValue(field)),
            string value when comparison.Operator == ComparisonOperator.Ne => Not(new TermQuery(new Term(field, value))),
            string value => StringComparison(field, comparison.Operator, value),
            _ => throw Invalid($"'{publicName}' holds strings; compare it with a string literal."),
        };
    }

    private static Query StringComparison(string field, ComparisonOperator op, string value) => op switch
    {
        ComparisonOperator.Eq => new TermQuery(new Term(field, value)),
        ComparisonOperator.Gt => Range(TermRangeQuery.NewStringRange(field, value, null, false, false)),
        ComparisonOperator.Ge => Range(TermRangeQuery.NewStringRange(field, value, null, true, false)),
        ComparisonOperator.Lt => Range(TermRangeQuery.NewStringRange(field, null, value, false, false)),
        ComparisonOperator.Le => Range(TermRangeQuery.NewStringRange(field, null, value, false, true)),
        _ => throw Invalid($"Unsupported operator {op}."),
    };

    private static Query PublishedComparison(ComparisonFilter comparison)
    {
        const string Field = IndexFieldNames.Published;
        if (comparison.Value is null)
        {
            return NullComparison(Field, comparison.Operator, HasPublished());
        }

        if (comparison.Value is not DateTimeOffset published)
        {
            throw Invalid($"'{ArticleFieldNames.Published}' is a date; compare it with a date such as 2024-01-31T00:00:00Z.");
        }

        var ticks = published.UtcTicks;
        return comparison.Operator switch
        {
            ComparisonOperator.Eq => Range(NumericRangeQuery.NewInt64Range(Field, ticks, ticks, true, true)),
            ComparisonOperator.Ne => Not(Range(NumericRangeQuery.NewInt64Range(Field, ticks, ticks, true, true))),
            ComparisonOperator.Gt => Range(NumericRangeQuery.NewInt64Range(Field, ticks, null, false, true)),
            ComparisonOperator.Ge => Range(NumericRangeQuery.NewInt64Range(Field, ticks, null, true, true)),
            ComparisonOperator.Lt => Range(NumericRangeQuery.NewInt64Range(Field, null, ticks, true, false)),
            ComparisonOperator.Le => Range(NumericRangeQuery.NewInt64Range(Field, null, ticks, true, true)),
            _ => throw Invalid($"Unsupported operator {comparison.Operator}."),
        };
    }

    // Only eq and ne are defined against null; "published gt null" has no meaning.
    private static Query NullComparison(string field, ComparisonOperator op, Query hasValue) => op switch
    {
        ComparisonOperator.Eq => Not(hasValue),
        ComparisonOperator.Ne => hasValue,
        _ => throw Invalid($"Only eq and ne can compare '{field}' with null."),
    };

    // A terms filter has no clause limit, so search.in over hundreds of values works as it does in Azure AI Search.
    private static Query OneOf(string field, IReadOnlyList<string> values)
    {
        var terms = values.Distinct(StringComparer.Ordinal).Select(value => new Term(field, value)).ToList();

        // An empty list matches nothing: a boolean query without clauses does exactly that.
        return terms.Count == 0 ? new BooleanQuery() : new ConstantScoreQuery(new TermsFilter(terms));
    }

    private static Query HasValue(string field) => Range(TermRangeQuery.NewStringRange(field, null, null, true, true));

    private static Query HasPublished() => Range(NumericRangeQuery.NewInt64Range(IndexFieldNames.Published, null, null, true, true));

    /// <summary>
    /// A filter's range only selects documents, so it goes straight to a bit set of them. Lucene's default first collects
    /// the range's terms, up to a few hundred, to weigh a boolean query of them against the bit set; on a range of dates,
    /// where nearly every article has a term of its own, that work is almost always thrown away.
    /// </summary>
    private static MultiTermQuery Range(MultiTermQuery range)
    {
        range.MultiTermRewriteMethod = MultiTermQuery.CONSTANT_SCORE_FILTER_REWRITE;
        return range;
    }

    private static Query Both(Query left, Query right) => new BooleanQuery { { left, Occur.MUST }, { right, Occur.MUST } };

    private static Query Either(Query left, Query right) => new BooleanQuery { { left, Occur.SHOULD }, { right, Occur.SHOULD } };

    private static Query Not(Query operand) => new BooleanQuery { { new MatchAllDocsQuery(), Occur.MUST }, { operand, Occur.MUST_NOT } };

    private static InvalidSearchRequestException Invalid(string message) => new(Parameter, message);
}
