using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Pipeline.Core.Search;
using Pipeline.Search.Lucene.Analysis;
using Pipeline.Search.Lucene.Indexing;

namespace Pipeline.Search.Lucene.Querying;

/// <summary>
/// Parses the full Lucene syntax (<c>field:term</c>, AND/OR/NOT, <c>fuzzy~</c>, <c>"phrase"~N</c>, <c>boost^N</c>,
/// wildcards) with Lucene's classic query parser. Fielded terms may name the public searchable fields only; unfielded
/// terms search the requested fields with their boosts. A syntax error becomes an <see cref="InvalidSearchRequestException"/>
/// for <c>q</c>, with the position of the mistake when the parser knows it.
/// </summary>
internal sealed partial class FullQueryTranslator(Analyzer analyzer)
{
    private const string Parameter = "q";

    public TranslatedQuery Translate(string query, SearchMode mode, IReadOnlyList<(string Field, float Boost)> fields)
    {
        if (string.IsNullOrWhiteSpace(query) || query.Trim() is "*" or "*:*")
        {
            return new TranslatedQuery(new MatchAllDocsQuery(), IsMatchAll: true);
        }

        var parser = new ArticleQueryParser(query, fields, analyzer)
        {
            DefaultOperator = mode == SearchMode.All ? Operator.AND : Operator.OR,
            // "*term" has to scan every term of the index; Azure AI Search refuses it as well.
            AllowLeadingWildcard = false,
            // Analyzed like the simple syntax: "covid-19" is a phrase, not "covid OR 19".
            AutoGeneratePhraseQueries = true,
        };

        Query parsed;
        try
        {
            parsed = parser.Parse(query);
        }
        catch (ParseException ex)
        {
            var position = PositionOf(ex);
            throw new InvalidSearchRequestException(Parameter, Describe(ex, position), position, ex);
        }

        // Only negative clauses ("NOT football") mean everything except those, as in the simple syntax.
        if (parsed is BooleanQuery boolean && boolean.Clauses.Count > 0 && boolean.Clauses.All(clause => clause.Occur == Occur.MUST_NOT))
        {
            boolean.Add(new MatchAllDocsQuery(), Occur.MUST);
            return new TranslatedQuery(boolean, IsMatchAll: true);
        }

        return new TranslatedQuery(parsed ?? new BooleanQuery(), IsMatchAll: parsed is MatchAllDocsQuery);
    }

    // The parser wraps its own error in "Cannot parse '<query>': ..." and lists every token it expected; a user needs
    // to know what is wrong where.
    private static string Describe(ParseException ex, int? position)
    {
        if (ex.InnerException is ParseException { CurrentToken.Next: { } next })
        {
            return next.Kind == 0
                ? "The query is not valid Lucene syntax: it ends before an expression is complete."
                : $"The query is not valid Lucene syntax: unexpected '{next.Image}' at position {position}.";
        }

        var message = (ex.InnerException ?? ex).Message;
        return message.Contains("<EOF>", StringComparison.Ordinal)
            ? "The query is not valid Lucene syntax: it ends inside a quoted phrase or an escape."
            : $"The query is not valid Lucene syntax: {message.Split('\n', 2)[0].Trim()}";
    }

    /// <summary>Zero-based offset of the token the parser stopped at, when it reports one on the first line.</summary>
    /// <remarks>Parse errors count columns from zero, lexical errors (an unclosed quote) from one.</remarks>
    private static int? PositionOf(ParseException ex)
    {
        if (ex.InnerException is ParseException { CurrentToken.Next: { } next } && next.BeginLine <= 1)
        {
            return Math.Max(0, next.BeginColumn);
        }

        var match = ColumnInMessage().Match(ex.InnerException?.Message ?? ex.Message);
        return match.Success && int.TryParse(match.Groups[1].ValueSpan, out var column) ? Math.Max(0, column - 1) : null;
    }

    [GeneratedRegex(@"line 1, column (\d+)")]
    private static partial Regex ColumnInMessage();

    /// <summary>The classic parser, restricted to the public searchable field names.</summary>
    private sealed class ArticleQueryParser(string query, IReadOnlyList<(string Field, float Boost)> fields, Analyzer analyzer)
        : MultiFieldQueryParser(
            ArticleAnalyzer.Version,
            fields.Select(field => field.Field).ToArray(),
            analyzer,
            fields.ToDictionary(field => field.Field, field => field.Boost))
    {
        protected override Query GetFieldQuery(string field, string queryText, bool quoted) =>
            base.GetFieldQuery(Map(field), queryText, quoted);

        protected override Query GetFieldQuery(string field, string queryText, int slop) =>
            base.GetFieldQuery(Map(field), queryText, slop);

        protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity) =>
            base.GetFuzzyQuery(Map(field), termStr, minSimilarity);

        protected override Query GetPrefixQuery(string field, string termStr) =>
            base.GetPrefixQuery(Map(field), termStr);

        protected override Query GetWildcardQuery(string field, string termStr) =>
            base.GetWildcardQuery(Map(field), termStr);

        protected override Query GetRegexpQuery(string field, string termStr) =>
            base.GetRegexpQuery(Map(field), termStr);

        protected override Query GetRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive) =>
            base.GetRangeQuery(Map(field), part1, part2, startInclusive, endInclusive);

        // Null is the multi-field parser asking for all default fields; "*" is "*:*", everything.
        private string Map(string field)
        {
            if (field is null or "*" || fields.Any(searched => searched.Field == field))
            {
                return field!;
            }

            return IndexFieldNames.SearchedFieldOf(field) ?? throw new InvalidSearchRequestException(
                Parameter,
                $"'{field}' cannot be searched; fields in the query must be one of {string.Join(", ", ArticleFieldNames.Searchable)}.",
                query.IndexOf(field + ":", StringComparison.Ordinal) is var at and >= 0 ? at : null);
        }
    }
}
