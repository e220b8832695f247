using Pipeline.Core.Search;
using Pipeline.Core.Search.Filtering;
using Pipeline.Core.Search.Suggestions;
using Xunit;
using static Pipeline.Testing.Articles.ArticleBuilder;

namespace Pipeline.Testing.Search;

/// <summary>Title suggestions while typing, and the related-article data similar results carry.</summary>
public abstract partial class ArticleIndexContractTests
{
    [Fact]
    public async Task Suggestions_complete_the_word_being_typed()
    {
        await IndexSuggestionArticlesAsync();

        var suggestions = await SuggestAsync(new SuggestRequest("volc"));

        var suggestion = Assert.Single(suggestions);
        Assert.Equal("volcano", suggestion.Id);
        Assert.Equal("Volcano erupts near village", suggestion.Title);
        Assert.Equal("<em>Volcano</em> erupts near village", suggestion.Text);
    }

    [Fact]
    public async Task Suggestions_require_every_earlier_word()
    {
        await IndexSuggestionArticlesAsync();

        Assert.Equal(["river-floods"], (await SuggestAsync(new SuggestRequest("river flo"))).Select(s => s.Id));
        Assert.Equal(["flood-warning", "river-floods"], (await SuggestAsync(new SuggestRequest("flo"))).Select(s => s.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Suggestions_mark_every_matched_word()
    {
        await IndexSuggestionArticlesAsync();

        var suggestion = Assert.Single(await SuggestAsync(new SuggestRequest("river flo") { PreTag = "<b>", PostTag = "</b>" }));

        Assert.Equal("<b>River</b> <b>floods</b> valley", suggestion.Text);
    }

    [Fact]
    public async Task Fuzzy_suggestions_tolerate_a_typo_per_word()
    {
        await IndexSuggestionArticlesAsync();

        Assert.Empty(await SuggestAsync(new SuggestRequest("vulc")));
        Assert.Equal(["volcano"], (await SuggestAsync(new SuggestRequest("vulc") { Fuzzy = true })).Select(s => s.Id));
        Assert.Equal(["river-floods"], (await SuggestAsync(new SuggestRequest("rivr flo") { Fuzzy = true })).Select(s => s.Id));
    }

    [Fact]
    public async Task Suggestions_respect_the_filter()
    {
        await IndexSuggestionArticlesAsync();

        var suggestions = await SuggestAsync(new SuggestRequest("flo")
        {
            Filter = new ComparisonFilter(ArticleFieldNames.Language, ComparisonOperator.Eq, "fr"),
        });

        Assert.Equal(["flood-warning"], suggestions.Select(s => s.Id));
    }

    [Fact]
    public async Task Suggestions_escape_the_title_around_the_marked_words()
    {
        await IndexAsync(Article("markup").WithTitle("Fish & chips <shop> opens").Build());

        var suggestion = Assert.Single(await SuggestAsync(new SuggestRequest("fish")));

        Assert.Equal("<em>Fish</em> &amp; chips &lt;shop&gt; opens", suggestion.Text);
    }

    [Fact]
    public async Task Suggestions_return_at_most_top()
    {
        await IndexAsync(Enumerable.Range(1, 8).Select(i => Article($"notice-{i}").WithTitle($"Notice number {i}").Build()).ToArray());

        Assert.Equal(3, (await SuggestAsync(new SuggestRequest("noti", Top: 3))).Count);
    }

    [Fact]
    public async Task Similar_articles_carry_their_keyphrases_and_fingerprint()
    {
        await IndexAsync(
            Article("flood-a").WithTitle("River floods valley after heavy rain")
                .WithBody("Heavy rain caused the river to flood the valley, and farmers moved livestock to higher ground.")
                .WithKeyphrases("river flood", "valley").WithFingerprint("00000000000000aa").Build(),
            Article("flood-b").WithTitle("Valley farmers count flood damage")
                .WithBody("After the river flood, farmers in the valley said heavy rain had ruined crops and livestock feed.")
                .WithKeyphrases("flood damage", "valley farmers").WithFingerprint("00000000000000ab").Build(),
            Article("football").WithTitle("Cup final goes to penalties")
                .WithBody("The match ended level and the home side won the shoot-out.").Build());

        var similar = await Index.FindSimilarAsync("flood-a", 3, CancellationToken);

        var neighbour = similar[0];
        Assert.Equal("flood-b", neighbour.Id);
        Assert.Equal(["flood damage", "valley farmers"], neighbour.Keyphrases);
        Assert.Equal("00000000000000ab", neighbour.Fingerprint);
        Assert.DoesNotContain(similar, s => s.Id == "flood-a");
    }

    private Task IndexSuggestionArticlesAsync() => IndexAsync(
        Article("volcano").WithTitle("Volcano erupts near village").Build(),
        Article("river-floods").WithTitle("River floods valley").Build(),
        Article("flood-warning").WithTitle("Flood warning issued").WithLanguage("fr").Build(),
        Article("harbour").WithTitle("Harbour reopens").Build());

    private Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestRequest request) => Index.SuggestAsync(request, CancellationToken);
}
