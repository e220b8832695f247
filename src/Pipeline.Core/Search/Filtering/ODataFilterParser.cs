namespace Pipeline.Core.Search.Filtering;

/// <summary>
/// Parses the <c>$filter</c> subset of OData that Azure AI Search accepts, over <see cref="ArticleFieldNames.Filterable"/>:
/// comparisons (<c>eq ne gt ge lt le</c>) with strings, DateTimeOffset literals and <c>null</c>; <c>search.in</c>;
/// <c>any</c> over the collection fields; <c>and</c>, <c>or</c>, <c>not</c> and parentheses.
/// </summary>
/// <remarks>
/// <para>
/// Precedence is <c>not</c> over <c>and</c> over <c>or</c>. As in OData, <c>not</c> binds tighter than a comparison,
/// so it takes a parenthesized condition, <c>search.in</c> or <c>any</c>: <c>not (language eq 'en')</c>.
/// </para>
/// <para>
/// Field names and keywords are case-sensitive, as in OData. Inside <c>any</c> over a string collection Azure AI Search
/// accepts only <c>eq</c> and <c>search.in</c> on the range variable, combined with <c>or</c>; the parser holds both
/// backends to that, so a filter that works against the embedded index also works in Azure.
/// </para>
/// <para>
/// <c>search.in</c> splits its values on space and comma unless a third argument names other delimiter characters,
/// as Azure AI Search does: <c>search.in(siteName, 'BBC News|CNN', '|')</c>.
/// </para>
/// </remarks>
public static class ODataFilterParser
{
    public const int MaxLength = 8000;

    /// <summary>Parentheses, <c>not</c> and <c>any</c> nested deeper than this are refused rather than recursed into.</summary>
    public const int MaxDepth = 32;

    internal const string Parameter = "filter";

    /// <exception cref="InvalidSearchRequestException">The text is not a valid filter; the message says where and why.</exception>
    public static FilterExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            throw Error(MaxLength, $"The filter is {text.Length} characters long; at most {MaxLength} are allowed");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw Error(0, "The filter is empty; leave it out to match every article");
        }

        return new Parser(text).ParseFilter();
    }

    internal static InvalidSearchRequestException Error(int position, string message) => new(Parameter, message, position);

    /// <summary>The collection and its range variable while parsing the body of <c>any</c>.</summary>
    private sealed record Lambda(string Field, string Variable);

    private sealed class Parser
    {
        private static readonly string[] NonFilterableFields = [ArticleFieldNames.Id, ArticleFieldNames.Title, ArticleFieldNames.Body];
        private static readonly string[] ReservedWords = ["and", "or", "not", "eq", "ne", "gt", "ge", "lt", "le", "null", "true", "false", "any", "all"];

        private readonly string _text;
        private readonly ODataFilterTokenizer _tokenizer;
        private ODataToken _current;

        public Parser(string text)
        {
            _text = text;
            _tokenizer = new ODataFilterTokenizer(text, Parameter);
            _current = _tokenizer.Next();
        }

        public FilterExpression ParseFilter()
        {
            var filter = ParseOr(lambda: null, depth: 0);
            if (_current.Kind != ODataTokenKind.End)
            {
                throw Error(_current.Position, $"Expected 'and', 'or' or the end of the filter at position {_current.Position}, found {Describe(_current)}{CaseHint(_current)}");
            }

            return filter;
        }

        private FilterExpression ParseOr(Lambda? lambda, int depth)
        {
            var left = ParseAnd(lambda, depth);
            while (IsKeyword("or"))
            {
                Advance();
                left = new OrFilter(left, ParseAnd(lambda, depth));
            }

            return left;
        }

        private FilterExpression ParseAnd(Lambda? lambda, int depth)
        {
            var left = ParseUnary(lambda, depth).Filter;
            while (IsKeyword("and"))
            {
                if (lambda is not null)
                {
                    throw Error(_current.Position, $"'and' at position {_current.Position} is not allowed inside {lambda.Field}/any(): Azure AI Search combines conditions on the range variable only with 'or' there; write {lambda.Field}/any(...) and {lambda.Field}/any(...) instead");
                }

                Advance();
                left = new AndFilter(left, ParseUnary(lambda, depth).Filter);
            }

            return left;
        }

        /// <returns>The filter, and whether it is a bare comparison (which <c>not</c> cannot take without parentheses).</returns>
        private (FilterExpression Filter, bool IsComparison) ParseUnary(Lambda? lambda, int depth)
        {
            if (!IsKeyword("not"))
            {
                return ParsePrimary(lambda, depth);
            }

            var not = _current;
            if (lambda is not null)
            {
                throw Error(not.Position, $"'not' at position {not.Position} is not allowed inside {lambda.Field}/any(): Azure AI Search accepts only eq and search.in there; write not {lambda.Field}/any(...) instead");
            }

            EnsureDepth(depth, not);
            Advance();
            var operandStart = _current.Position;
            var (operand, isComparison) = ParseUnary(lambda, depth + 1);
            if (isComparison)
            {
                var comparison = _text[operandStart.._current.Position].TrimEnd();
                throw Error(operandStart, $"'not' binds tighter than a comparison, so the comparison at position {operandStart} needs parentheses: write not ({comparison})");
            }

            return (new NotFilter(operand), false);
        }

        private (FilterExpression Filter, bool IsComparison) ParsePrimary(Lambda? lambda, int depth)
        {
            var token = _current;
            switch (token.Kind)
            {
                case ODataTokenKind.OpenParen:
                    EnsureDepth(depth, token);
                    Advance();
                    var inner = ParseOr(lambda, depth + 1);
                    Expect(ODataTokenKind.CloseParen, $"Expected ')' at position {_current.Position} to close the '(' at position {token.Position}, found {Describe(_current)}");
                    return (inner, false);
                case ODataTokenKind.Identifier when token.Text == "search.in":
                    return (ParseSearchIn(lambda), false);
                case ODataTokenKind.Identifier when token.Text.Contains('.'):
                    throw Error(token.Position, $"Unknown function '{token.Text}' at position {token.Position}; filters support search.in, and any() on {string.Join(" and ", ArticleFieldNames.Collections)}");
                case ODataTokenKind.Identifier when IsReserved(token.Text):
                    throw Error(token.Position, $"Expected a condition at position {token.Position}, found '{token.Text}'");
                case ODataTokenKind.Identifier when lambda is not null:
                    return (ParseRangeVariableComparison(lambda), true);
                case ODataTokenKind.Identifier:
                    return ParseFieldCondition(depth);
                case ODataTokenKind.String or ODataTokenKind.Literal:
                    throw Error(token.Position, $"Expected a condition at position {token.Position}, found {Describe(token)}; a comparison starts with the field name, as in language eq 'en'");
                default:
                    throw Error(token.Position, $"Expected a condition at position {token.Position}, found {Describe(token)}");
            }
        }

        private (FilterExpression Filter, bool IsComparison) ParseFieldCondition(int depth)
        {
            var fieldToken = _current;
            var field = ResolveField(fieldToken);
            Advance();
            if (_current.Kind == ODataTokenKind.Slash)
            {
                return (ParseAny(field, fieldToken, depth), false);
            }

            if (IsCollection(field))
            {
                var variable = VariableFor(field);
                throw Error(fieldToken.Position, $"'{field}' at position {fieldToken.Position} is a collection; filter its elements with {field}/any({variable}: {variable} eq 'value')");
            }

            return (ParseComparison(field, fieldToken, lambda: null), true);
        }

        private ComparisonFilter ParseRangeVariableComparison(Lambda lambda)
        {
            var token = _current;
            if (token.Text != lambda.Variable)
            {
                throw Error(token.Position, $"Inside {lambda.Field}/any({lambda.Variable}: ...) conditions are on the range variable '{lambda.Variable}'; found '{token.Text}' at position {token.Position}");
            }

            Advance();
            if (_current.Kind == ODataTokenKind.Slash)
            {
                throw Error(_current.Position, $"'{lambda.Variable}' is one element of {lambda.Field}, not a collection; found '/' at position {_current.Position}");
            }

            return ParseComparison(lambda.Field, token, lambda);
        }

        private ComparisonFilter ParseComparison(string field, ODataToken subject, Lambda? lambda)
        {
            var operatorToken = _current;
            if (operatorToken.Kind != ODataTokenKind.Identifier || !TryGetOperator(operatorToken.Text, out var op))
            {
                throw Error(operatorToken.Position, $"Expected a comparison operator (eq, ne, gt, ge, lt, le) after '{subject.Text}' at position {operatorToken.Position}, found {Describe(operatorToken)}{CaseHint(operatorToken)}");
            }

            if (lambda is not null && op != ComparisonOperator.Eq)
            {
                throw Error(operatorToken.Position, $"'{operatorToken.Text}' at position {operatorToken.Position} is not allowed inside {lambda.Field}/any(): Azure AI Search accepts only eq and search.in there; to exclude a value write not {lambda.Field}/any({lambda.Variable}: {lambda.Variable} eq 'value')");
            }

            Advance();
            var value = ParseValue(field, operatorToken, op, lambda);
            Advance();
            return new ComparisonFilter(field, op, value);
        }

        private object? ParseValue(string field, ODataToken operatorToken, ComparisonOperator op, Lambda? lambda)
        {
            var token = _current;
            if (token.Kind == ODataTokenKind.Identifier && token.Text == "null")
            {
                if (lambda is not null)
                {
                    throw Error(token.Position, $"Elements of {lambda.Field} are never null; compare '{lambda.Variable}' with a string at position {token.Position}");
                }

                if (op is not (ComparisonOperator.Eq or ComparisonOperator.Ne))
                {
                    throw Error(token.Position, $"'{operatorToken.Text}' cannot compare with null at position {token.Position}; only eq and ne can");
                }

                return null;
            }

            if (field == ArticleFieldNames.Published)
            {
                return token.Kind switch
                {
                    ODataTokenKind.Literal => ODataDateTimeOffset.TryParse(token.Text, out var published, out var problem)
                        ? published
                        : throw Error(token.Position, $"{problem} (position {token.Position})"),
                    ODataTokenKind.String => throw Error(token.Position, $"{field} compares with a DateTimeOffset written without quotes, such as {ODataDateTimeOffset.Example}; found a string at position {token.Position}"),
                    _ => throw Error(token.Position, $"Expected a DateTimeOffset such as {ODataDateTimeOffset.Example} or null after '{operatorToken.Text}' at position {token.Position}, found {Describe(token)}"),
                };
            }

            return token.Kind switch
            {
                ODataTokenKind.String => token.Text,
                ODataTokenKind.Literal => throw Error(token.Position, $"{field} compares with a string in single quotes, as in '{token.Text}'; found {Describe(token)} at position {token.Position}"),
                _ => throw Error(token.Position, $"Expected a string in single quotes{(lambda is null ? " or null" : "")} after '{operatorToken.Text}' at position {token.Position}, found {Describe(token)}"),
            };
        }

        private AnyFilter ParseAny(string field, ODataToken fieldToken, int depth)
        {
            Advance();
            var name = _current;
            if (name.Kind == ODataTokenKind.Identifier && name.Text == "all")
            {
                var v = VariableFor(field);
                throw Error(name.Position, $"'all' at position {name.Position} is not supported; to require that no element equals a value write not {field}/any({v}: {v} eq 'value')");
            }

            if (name.Kind != ODataTokenKind.Identifier || name.Text != "any")
            {
                throw Error(name.Position, $"Expected 'any' after '{field}/' at position {name.Position}, found {Describe(name)}");
            }

            if (!IsCollection(field))
            {
                throw Error(fieldToken.Position, $"'{field}' at position {fieldToken.Position} is not a collection, so it has no any(); compare it directly, as in {ExampleComparison(field)}");
            }

            Advance();
            var open = _current;
            Expect(ODataTokenKind.OpenParen, $"Expected '(' after '{field}/any' at position {open.Position}, found {Describe(open)}");
            EnsureDepth(depth, open);
            if (_current.Kind == ODataTokenKind.CloseParen)
            {
                Advance();
                return new AnyFilter(field, null);
            }

            var variable = _current;
            if (variable.Kind != ODataTokenKind.Identifier || variable.Text.Contains('.') || IsReserved(variable.Text))
            {
                var v = VariableFor(field);
                throw Error(variable.Position, $"Expected a range variable at position {variable.Position}, as in {field}/any({v}: {v} eq 'value'), found {Describe(variable)}");
            }

            Advance();
            Expect(ODataTokenKind.Colon, $"Expected ':' after the range variable '{variable.Text}' at position {_current.Position}, found {Describe(_current)}");
            var predicate = ParseOr(new Lambda(field, variable.Text), depth + 1);
            Expect(ODataTokenKind.CloseParen, $"Expected ')' at position {_current.Position} to close the '(' of {field}/any at position {open.Position}, found {Describe(_current)}");
            return new AnyFilter(field, predicate);
        }

        private SearchInFilter ParseSearchIn(Lambda? lambda)
        {
            var function = _current;
            Advance();
            Expect(ODataTokenKind.OpenParen, $"Expected '(' after search.in at position {_current.Position}, found {Describe(_current)}");
            var field = ParseSearchInField(lambda);
            Advance();
            Expect(ODataTokenKind.Comma, $"Expected ',' after the field at position {_current.Position}, as in search.in(language, 'en,fr'); found {Describe(_current)}");
            var values = _current;
            if (values.Kind != ODataTokenKind.String)
            {
                throw Error(values.Position, $"search.in takes its values as one string in single quotes, as in search.in(language, 'en,fr'); found {Describe(values)} at position {values.Position}");
            }

            Advance();
            var delimiters = " ,";
            if (_current.Kind == ODataTokenKind.Comma)
            {
                Advance();
                var delimiterToken = _current;
                if (delimiterToken.Kind != ODataTokenKind.String || delimiterToken.Text.Length == 0)
                {
                    throw Error(delimiterToken.Position, $"Expected the delimiter characters as a non-empty string at position {delimiterToken.Position}, as in search.in(siteName, 'BBC News|CNN', '|'); found {Describe(delimiterToken)}");
                }

                delimiters = delimiterToken.Text;
                Advance();
            }

            Expect(ODataTokenKind.CloseParen, $"Expected ')' at position {_current.Position} to close search.in at position {function.Position}, found {Describe(_current)}");
            var list = values.Text.Split(delimiters.ToCharArray(), StringSplitOptions.RemoveEmptyEntries);
            if (list.Length == 0)
            {
                throw Error(values.Position, $"search.in has no values at position {values.Position}; list them separated by '{delimiters}'");
            }

            return new SearchInFilter(field, list);
        }

        private string ParseSearchInField(Lambda? lambda)
        {
            var token = _current;
            if (lambda is not null)
            {
                return token.Kind == ODataTokenKind.Identifier && token.Text == lambda.Variable
                    ? lambda.Field
                    : throw Error(token.Position, $"Inside {lambda.Field}/any({lambda.Variable}: ...) search.in takes the range variable '{lambda.Variable}'; found {Describe(token)} at position {token.Position}");
            }

            if (token.Kind != ODataTokenKind.Identifier)
            {
                throw Error(token.Position, $"Expected a field name at position {token.Position}, as in search.in(language, 'en,fr'); found {Describe(token)}");
            }

            var field = ResolveField(token);
            if (IsCollection(field))
            {
                var v = VariableFor(field);
                throw Error(token.Position, $"'{field}' at position {token.Position} is a collection; write {field}/any({v}: search.in({v}, 'a,b'))");
            }

            if (field == ArticleFieldNames.Published)
            {
                throw Error(token.Position, $"search.in compares strings, and '{field}' at position {token.Position} is a DateTimeOffset; compare it with ge and lt instead");
            }

            return field;
        }

        private static string ResolveField(ODataToken token)
        {
            var name = token.Text;
            if (ArticleFieldNames.Filterable.Contains(name, StringComparer.Ordinal))
            {
                return name;
            }

            var filterable = string.Join(", ", ArticleFieldNames.Filterable);
            var sameButCase = ArticleFieldNames.Filterable.FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));
            if (sameButCase is not null)
            {
                throw Error(token.Position, $"Unknown field '{name}' at position {token.Position}; field names are case-sensitive: did you mean '{sameButCase}'?");
            }

            if (NonFilterableFields.Contains(name, StringComparer.Ordinal))
            {
                throw Error(token.Position, $"Field '{name}' at position {token.Position} is not filterable; filterable fields are: {filterable}");
            }

            throw Error(token.Position, $"Unknown field '{name}' at position {token.Position}; filterable fields are: {filterable}");
        }

        private void EnsureDepth(int depth, ODataToken token)
        {
            if (depth >= MaxDepth)
            {
                throw Error(token.Position, $"The filter nests parentheses, not and any() deeper than {MaxDepth} levels at position {token.Position}");
            }
        }

        private void Expect(ODataTokenKind kind, string message)
        {
            if (_current.Kind != kind)
            {
                throw Error(_current.Position, message);
            }

            Advance();
        }

        private void Advance() => _current = _tokenizer.Next();

        private bool IsKeyword(string keyword) => _current.Kind == ODataTokenKind.Identifier && _current.Text == keyword;

        private static bool IsReserved(string word) => ReservedWords.Contains(word, StringComparer.Ordinal);

        private static bool IsCollection(string field) => ArticleFieldNames.Collections.Contains(field, StringComparer.Ordinal);

        private static bool TryGetOperator(string text, out ComparisonOperator op)
        {
            ComparisonOperator? found = text switch
            {
                "eq" => ComparisonOperator.Eq,
                "ne" => ComparisonOperator.Ne,
                "gt" => ComparisonOperator.Gt,
                "ge" => ComparisonOperator.Ge,
                "lt" => ComparisonOperator.Lt,
                "le" => ComparisonOperator.Le,
                _ => null,
            };
            op = found.GetValueOrDefault();
            return found.HasValue;
        }

        private static string Describe(ODataToken token) => token.Kind switch
        {
            ODataTokenKind.End => "the end of the filter",
            ODataTokenKind.String => "a string",
            _ => $"'{token.Text}'",
        };

        // "AND" and "Eq" are the commonest slips: OData keywords are lowercase.
        private static string CaseHint(ODataToken token) =>
            token.Kind == ODataTokenKind.Identifier && token.Text != token.Text.ToLowerInvariant() && IsReserved(token.Text.ToLowerInvariant())
                ? $"; OData keywords are lowercase: write '{token.Text.ToLowerInvariant()}'"
                : string.Empty;

        private static string ExampleComparison(string field) =>
            field == ArticleFieldNames.Published ? $"{field} ge {ODataDateTimeOffset.Example}" : $"{field} eq 'value'";
    }

    /// <summary>The range variable the messages and the writer use for a collection: its first letter.</summary>
    internal static string VariableFor(string field) => field[..1];
}
