using Pipeline.Core.Search.Querying;

namespace Pipeline.Core.Tests.Search;

/// <summary>The simple query syntax, read back in its canonical spelling: one row per rule.</summary>
public sealed class SimpleQueryParserTests
{
    [Theory]
    // Words, any of which may match.
    [InlineData("flood", "flood")]
    [InlineData("  flood   warning  ", "flood warning")]
    [InlineData("flood\twarning\nriver", "flood warning river")]
    // Phrases; inner white space is collapsed.
    [InlineData("\"climate change\"", "\"climate change\"")]
    [InlineData("\"  climate   change \" summit", "\"climate change\" summit")]
    [InlineData("a\"b c\"", "a\"b c\"")]
    // Exclusion and requirement, of words and phrases.
    [InlineData("storm -football", "storm -football")]
    [InlineData("storm -\"football match\"", "storm -\"football match\"")]
    [InlineData("+storm coast", "+storm coast")]
    [InlineData("+\"storm surge\"", "+\"storm surge\"")]
    // Prefixes.
    [InlineData("photo*", "photo*")]
    [InlineData("photo***", "photo*")]
    [InlineData("-photo*", "-photo*")]
    // Hyphens and operators inside a word are part of the word.
    [InlineData("covid-19 e-mail", "covid-19 e-mail")]
    [InlineData("storm+surge", "storm+surge")]
    [InlineData("--storm", "--storm")]
    [InlineData("+-storm", "+-storm")]
    public void Parses_well_formed_syntax(string query, string expected) =>
        Assert.Equal(expected, SimpleQueryParser.Parse(query).ToString());

    [Theory]
    // An unbalanced quote is plain text: it stays in its word, and the analyzer drops it later.
    [InlineData("\"climate change", "\"climate change")]
    [InlineData("climate change\"", "climate change\"")]
    [InlineData("\"storm\" \"", "\"storm\"")]
    [InlineData("-\"storm", "-\"storm")]
    // A lone operator, an empty phrase, or a word of punctuation alone asks for nothing.
    [InlineData("storm -", "storm")]
    [InlineData("storm - coast", "storm coast")]
    [InlineData("storm + coast", "storm coast")]
    [InlineData("storm | coast", "storm coast")]
    [InlineData("storm \"\" \"  \"", "storm")]
    [InlineData("storm && ~ \\ ( )", "storm")]
    [InlineData("* storm", "storm")]
    [InlineData("-* storm", "storm")]
    // Lucene's classic syntax has no meaning here.
    [InlineData("title:storm", "title:storm")]
    [InlineData("storm~2 [a TO b]", "storm~2 [a TO b]")]
    public void Reads_malformed_syntax_as_plain_text(string query, string expected) =>
        Assert.Equal(expected, SimpleQueryParser.Parse(query).ToString());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*")]
    [InlineData("***")]
    [InlineData("\"")]
    [InlineData("-")]
    public void Empty_star_and_noise_match_all(string? query)
    {
        var parsed = SimpleQueryParser.Parse(query);

        Assert.Empty(parsed.Clauses);
        Assert.True(parsed.MatchesAllExceptExclusions);
    }

    [Fact]
    public void Only_exclusions_match_all_except_the_excluded()
    {
        var parsed = SimpleQueryParser.Parse("-football -\"cup final\"");

        Assert.True(parsed.MatchesAllExceptExclusions);
        Assert.All(parsed.Clauses, clause => Assert.Equal(ClauseOccurrence.MustNot, clause.Occurrence));
    }

    [Fact]
    public void Clause_kinds_and_occurrences_are_recognised()
    {
        var parsed = SimpleQueryParser.Parse("flood +\"river bank\" -elect*");

        Assert.Equal(
            [
                new SimpleQueryClause(ClauseKind.Term, "flood", ClauseOccurrence.Should),
                new SimpleQueryClause(ClauseKind.Phrase, "river bank", ClauseOccurrence.Must),
                new SimpleQueryClause(ClauseKind.Prefix, "elect", ClauseOccurrence.MustNot),
            ],
            parsed.Clauses);
    }

    [Fact]
    public void A_pasted_wall_of_text_is_cut_to_the_clause_limit()
    {
        var query = string.Join(' ', Enumerable.Range(0, 1_000).Select(i => $"word{i}"));

        var parsed = SimpleQueryParser.Parse(query);

        Assert.Equal(SimpleQueryParser.MaxClauses, parsed.Clauses.Count);
    }
}
