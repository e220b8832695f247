namespace Pipeline.Core.Search.Querying;

/// <summary>
/// Parses the simple query syntax of Azure AI Search: words (any may match), <c>"quoted phrases"</c>,
/// <c>-word</c> and <c>-"phrase"</c> to exclude, <c>+word</c> to require, <c>prefix*</c>. Empty or <c>*</c> matches all.
/// </summary>
/// <remarks>
/// The input is whatever a user typed, so parsing never fails: anything that is not well-formed syntax is read as
/// plain text. An unbalanced quote is part of a word (the analyzer drops it later), and a lone <c>+</c>, <c>-</c> or
/// <c>|</c> is ignored. Raw input never reaches Lucene's classic QueryParser, whose syntax errors and special
/// characters (<c>field:</c>, <c>~</c>, <c>[a TO b]</c>) users would otherwise trip over.
/// </remarks>
public static class SimpleQueryParser
{
    /// <summary>Clauses beyond this are ignored: a pasted page of text must not become a query of thousands of clauses.</summary>
    public const int MaxClauses = 64;

    public static SimpleQuery Parse(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return SimpleQuery.MatchAll;
        }

        var clauses = new List<SimpleQueryClause>();
        var position = 0;
        while (clauses.Count < MaxClauses && SkipWhiteSpace(query, ref position))
        {
            var occurrence = ReadOperator(query, ref position);
            var clause = query[position] == '"' && query.IndexOf('"', position + 1) is var close and > 0
                ? ReadPhrase(query, ref position, close, occurrence)
                : ReadWord(query, ref position, occurrence);
            if (clause is not null)
            {
                clauses.Add(clause);
            }
        }

        return new SimpleQuery(clauses);
    }

    /// <returns>False at the end of the input.</returns>
    private static bool SkipWhiteSpace(string query, ref int position)
    {
        while (position < query.Length && char.IsWhiteSpace(query[position]))
        {
            position++;
        }

        return position < query.Length;
    }

    // An operator counts only when something follows it directly: "a - b" has a dash, not an exclusion.
    private static ClauseOccurrence ReadOperator(string query, ref int position)
    {
        var c = query[position];
        if (c is not ('+' or '-') || position + 1 >= query.Length || char.IsWhiteSpace(query[position + 1]))
        {
            return ClauseOccurrence.Should;
        }

        position++;
        return c == '+' ? ClauseOccurrence.Must : ClauseOccurrence.MustNot;
    }

    private static SimpleQueryClause? ReadPhrase(string query, ref int position, int close, ClauseOccurrence occurrence)
    {
        var text = CollapseWhiteSpace(query[(position + 1)..close]);
        position = close + 1;
        return HasSearchableText(text) ? new SimpleQueryClause(ClauseKind.Phrase, text, occurrence) : null;
    }

    private static SimpleQueryClause? ReadWord(string query, ref int position, ClauseOccurrence occurrence)
    {
        var start = position;
        while (position < query.Length && !char.IsWhiteSpace(query[position]))
        {
            position++;
        }

        var word = query[start..position];
        if (word.EndsWith('*'))
        {
            var prefix = word.TrimEnd('*');
            return HasSearchableText(prefix) ? new SimpleQueryClause(ClauseKind.Prefix, prefix, occurrence) : null;
        }

        return HasSearchableText(word) ? new SimpleQueryClause(ClauseKind.Term, word, occurrence) : null;
    }

    // Words of punctuation alone ("|", "*", "&&") are operators or noise, never something to look for.
    private static bool HasSearchableText(string text) => text.Any(char.IsLetterOrDigit);

    private static string CollapseWhiteSpace(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
