using Pipeline.Core.Search.Querying;
using Pipeline.Search.Lucene.Analysis;
using Pipeline.Search.Lucene.Querying;

namespace Pipeline.Search.Lucene.Tests.Querying;

/// <summary>How parsed queries become Lucene queries: analyzed like the index, over title, body, authors and tags (with the boosts of IndexFieldNames.Searched).</summary>
public sealed class SimpleQueryTranslatorTests : IDisposable
{
    private readonly ArticleAnalyzer _analyzer = new();

    public void Dispose() => _analyzer.Dispose();

    [Theory]
    [InlineData("Flooding", "title:flood body:flood authors:flood tags:flood")]
    [InlineData("flood river", "title:flood body:flood authors:flood tags:flood title:river body:river authors:river tags:river")]
    [InlineData("\"River Banks\"", "title:\"river bank\" body:\"river bank\" authors:\"river bank\" tags:\"river bank\"")]
    [InlineData("\"state of the union\"", "title:\"state ? ? union\" body:\"state ? ? union\" authors:\"state ? ? union\" tags:\"state ? ? union\"")]
    [InlineData("covid-19", "title:\"covid 19\" body:\"covid 19\" authors:\"covid 19\" tags:\"covid 19\"")]
    [InlineData("PHOTO*", "title:photo* body:photo* authors:photo* tags:photo*")]
    [InlineData("O’Brien*", "title:o'brien* body:o'brien* authors:o'brien* tags:o'brien*")]
    [InlineData("storm -football", "title:storm body:storm authors:storm tags:storm -(title:footbal body:footbal authors:footbal tags:footbal)")]
    [InlineData("+storm surge", "+(title:storm body:storm authors:storm tags:storm) title:surg body:surg authors:surg tags:surg")]
    public void Translates_clauses_into_queries_over_every_searched_field(string query, string expected)
    {
        var translated = Translate(query);

        Assert.False(translated.IsMatchAll);
        Assert.Equal(expected, translated.Query.ToString());
    }

    [Theory]
    [InlineData("", "+*:*")]
    [InlineData("*", "+*:*")]
    [InlineData("-football", "-(title:footbal body:footbal authors:footbal tags:footbal) +*:*")]
    public void Queries_that_narrow_nothing_down_match_all(string query, string expected)
    {
        var translated = Translate(query);

        Assert.True(translated.IsMatchAll);
        Assert.Equal(expected, translated.Query.ToString());
    }

    [Theory]
    [InlineData("the")]
    [InlineData("the -football")]
    [InlineData("\"of the\"")]
    public void Words_that_are_all_stop_words_match_nothing(string query)
    {
        var translated = Translate(query);

        Assert.False(translated.IsMatchAll);
        Assert.Equal(string.Empty, translated.Query.ToString());
    }

    private TranslatedQuery Translate(string query) => new SimpleQueryTranslator(_analyzer).Translate(SimpleQueryParser.Parse(query));
}
