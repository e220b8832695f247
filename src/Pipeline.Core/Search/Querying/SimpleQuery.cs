using System.Text;

namespace Pipeline.Core.Search.Querying;

/// <summary>Whether a clause may, must, or must not match.</summary>
public enum ClauseOccurrence
{
    Should,
    Must,
    MustNot,
}

public enum ClauseKind
{
    /// <summary>A word; it is analyzed like the indexed text.</summary>
    Term,

    /// <summary>Words that must appear next to each other, in order.</summary>
    Phrase,

    /// <summary>Any word that starts with the text.</summary>
    Prefix,
}

public sealed record SimpleQueryClause(ClauseKind Kind, string Text, ClauseOccurrence Occurrence)
{
    public bool IsPositive => Occurrence != ClauseOccurrence.MustNot;

    public override string ToString()
    {
        var modifier = Occurrence switch
        {
            ClauseOccurrence.Must => "+",
            ClauseOccurrence.MustNot => "-",
            _ => string.Empty,
        };
        return Kind switch
        {
            ClauseKind.Phrase => $"{modifier}\"{Text}\"",
            ClauseKind.Prefix => $"{modifier}{Text}*",
            _ => modifier + Text,
        };
    }
}

/// <summary>A parsed query in the simple syntax, independent of any search engine.</summary>
public sealed record SimpleQuery(IReadOnlyList<SimpleQueryClause> Clauses)
{
    public static SimpleQuery MatchAll { get; } = new([]);

    /// <summary>True when nothing narrows the result down (empty, <c>*</c>, or only exclusions): every article is a candidate.</summary>
    public bool MatchesAllExceptExclusions => !Clauses.Any(clause => clause.IsPositive);

    /// <summary>The canonical spelling of the query; two queries with the same meaning render the same.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var clause in Clauses)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(clause);
        }

        return builder.ToString();
    }
}
