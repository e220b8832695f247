using System.Text;
using Azure.Search.Documents.Models;
using Pipeline.Core.Search.Querying;
using CoreSearchMode = Pipeline.Core.Search.SearchMode;

namespace Pipeline.Search.AzureAISearch;

/// <summary>
/// Turns a parsed simple query into the text and mode Azure AI Search is sent. User input is parsed by the same
/// <see cref="SimpleQueryParser"/> as the embedded index and re-spelled with every special character escaped, so
/// both backends read a query the same way and no user text can inject service syntax or cause a 400.
/// </summary>
internal sealed record AzureQuery(string Text, SearchQueryType Type, SearchMode Mode, bool IsMatchAll)
{
    // Characters the full Lucene syntax gives meaning to; the service documents the same set.
    private const string SpecialCharacters = "+-&|!(){}[]^\"~*?:\\/";

    public static AzureQuery From(string? userQuery, CoreSearchMode mode = CoreSearchMode.Any)
    {
        var query = SimpleQueryParser.Parse(userQuery);
        var positives = query.Clauses.Where(c => c.IsPositive).ToList();
        var exclusions = query.Clauses.Where(c => !c.IsPositive).ToList();

        if (positives.Count == 0)
        {
            // Only exclusions: everything but them. In "all" mode the simple syntax reads "-x" as AND NOT.
            var text = exclusions.Count == 0 ? "*" : "* " + string.Join(' ', exclusions.Select(Spell));
            return new AzureQuery(text, SearchQueryType.Simple, SearchMode.All, IsMatchAll: true);
        }

        // Full Lucene syntax with an explicit operator on every required or excluded clause: "+" clauses are required
        // and "-" clauses excluded, as in the embedded index; the search mode decides whether the others are optional.
        var azureMode = mode == CoreSearchMode.All ? SearchMode.All : SearchMode.Any;
        return new AzureQuery(string.Join(' ', query.Clauses.Select(Spell)), SearchQueryType.Full, azureMode, IsMatchAll: false);
    }

    private static string Spell(SimpleQueryClause clause)
    {
        var modifier = clause.Occurrence switch
        {
            ClauseOccurrence.Must => "+",
            ClauseOccurrence.MustNot => "-",
            _ => "",
        };
        return clause.Kind switch
        {
            ClauseKind.Phrase => $"{modifier}\"{EscapePhrase(clause.Text)}\"",
            ClauseKind.Prefix => $"{modifier}{EscapeTerm(clause.Text)}*",
            _ => modifier + EscapeTerm(clause.Text),
        };
    }

    private static string EscapeTerm(string text)
    {
        var builder = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            if (SpecialCharacters.Contains(c))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string EscapePhrase(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
