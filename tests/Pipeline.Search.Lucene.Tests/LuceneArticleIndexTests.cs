using Pipeline.Core.Search;
using static Pipeline.Testing.Articles.ArticleBuilder;

namespace Pipeline.Search.Lucene.Tests;

/// <summary>What the embedded index does beyond the backend-neutral contract: owning a folder on disk, concurrency, analysis.</summary>
public sealed class LuceneArticleIndexTests : IDisposable
{
    private readonly TemporaryIndexFolder _folder = new();

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Articles_survive_closing_and_reopening_the_index()
    {
        var article = Article("kept").WithTitle("Lighthouse restored").WithAuthors("Ines Duarte").WithBody("The lamp shines again.").Build();
        using (var index = _folder.OpenIndex())
        {
            await index.UpsertAsync(article, CancellationToken);
            await index.UpsertAsync(Article("removed").WithTitle("Pier closed").Build(), CancellationToken);
            await index.DeleteAsync("removed", CancellationToken);
        }

        using var reopened = _folder.OpenIndex();

        Assert.Equal("Lighthouse restored", (await reopened.GetAsync("kept", CancellationToken))?.Title);
        Assert.Null(await reopened.GetAsync("removed", CancellationToken));
        Assert.Equal(["kept"], (await reopened.SearchAsync(new SearchRequest("lamp"), CancellationToken)).Hits.Select(hit => hit.Id));
    }

    [Fact]
    public void A_second_index_on_the_same_folder_is_refused_with_a_clear_message()
    {
        using var first = _folder.OpenIndex();

        var refused = Assert.Throws<InvalidOperationException>(() => _folder.OpenIndex());

        Assert.Contains("in use by another process", refused.Message, StringComparison.Ordinal);
        Assert.Contains(first.IndexPath, refused.Message, StringComparison.Ordinal);
        Assert.Contains("Pipeline:Lucene:IndexPath", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_folder_can_be_opened_again_once_the_first_index_is_disposed()
    {
        var first = _folder.OpenIndex();
        await first.UpsertAsync(Article("one").Build(), CancellationToken);
        await first.DisposeAsync();

        using var second = _folder.OpenIndex();

        Assert.NotNull(await second.GetAsync("one", CancellationToken));
    }

    [Fact]
    public async Task Concurrent_upserts_all_land_while_searches_run()
    {
        const int Writers = 4;
        const int ArticlesPerWriter = 10;
        using var index = _folder.OpenIndex();

        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < ArticlesPerWriter; i++)
            {
                await index.UpsertAsync(Article($"w{writer}-a{i}").WithTitle($"Report {writer} {i}").WithBody("Quarterly harvest figures.").Build(), CancellationToken);
            }
        }, CancellationToken));
        var reader = Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                var results = await index.SearchAsync(new SearchRequest("harvest"), CancellationToken);
                Assert.True(results.TotalCount <= Writers * ArticlesPerWriter);
            }
        }, CancellationToken);
        await Task.WhenAll([.. writers, reader]);

        var all = await index.SearchAsync(new SearchRequest("harvest", Top: SearchRequest.MaxTop), CancellationToken);
        Assert.Equal(Writers * ArticlesPerWriter, all.TotalCount);
        Assert.Equal(Writers * ArticlesPerWriter, all.Hits.Select(hit => hit.Id).Distinct().Count());
    }

    [Fact]
    public async Task Top_is_clamped_to_the_maximum_page_size()
    {
        using var index = _folder.OpenIndex();
        for (var i = 0; i < SearchRequest.MaxTop + 5; i++)
        {
            await index.UpsertAsync(Article($"notice-{i:000}").WithTitle($"Notice {i}").Build(), CancellationToken);
        }

        var results = await index.SearchAsync(new SearchRequest("notice", Top: 1_000), CancellationToken);

        Assert.Equal(SearchRequest.MaxTop + 5, results.TotalCount);
        Assert.Equal(SearchRequest.MaxTop, results.Hits.Count);
    }

    [Fact]
    public async Task Body_passage_snippets_escape_html_around_the_highlights()
    {
        using var index = _folder.OpenIndex();
        await index.UpsertAsync(Article("markup").WithBody("Readers wrote <script>alert('x')</script> & asked \"why\" the river rose.").Build(), CancellationToken);

        var snippet = (await index.SearchAsync(BodyHighlighted("river"), CancellationToken)).Hits.Single().Snippet;

        Assert.Equal("Readers wrote &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; asked &quot;why&quot; the <em>river</em> rose.", snippet);
    }

    [Fact]
    public async Task Body_passage_snippets_keep_non_ascii_text_readable()
    {
        using var index = _folder.OpenIndex();
        await index.UpsertAsync(Article("unicode").WithBody("In Zürich the “peace formula” was discussed.").Build(), CancellationToken);

        var snippet = (await index.SearchAsync(BodyHighlighted("formula"), CancellationToken)).Hits.Single().Snippet;

        Assert.Equal("In Zürich the “peace <em>formula</em>” was discussed.", snippet);
    }

    [Theory]
    [InlineData("O’Brien said the ferry was late.", "O'Brien")]
    [InlineData("O'Brien said the ferry was late.", "O’Brien")]
    [InlineData("The ferry didn’t sail.", "didn't")]
    public async Task Straight_and_curly_apostrophes_match_each_other(string body, string query)
    {
        using var index = _folder.OpenIndex();
        await index.UpsertAsync(Article("apostrophe").WithBody(body).Build(), CancellationToken);

        var results = await index.SearchAsync(new SearchRequest(query), CancellationToken);

        Assert.Equal(["apostrophe"], results.Hits.Select(hit => hit.Id));
    }

    [Fact]
    public async Task Other_forms_of_a_word_match_through_stemming()
    {
        using var index = _folder.OpenIndex();
        await index.UpsertAsync(Article("flooded").WithBody("The fields flooded twice this winter.").Build(), CancellationToken);

        var results = await index.SearchAsync(new SearchRequest("flooding"), CancellationToken);

        Assert.Equal(["flooded"], results.Hits.Select(hit => hit.Id));
    }

    [Fact]
    public async Task A_query_of_stop_words_only_matches_nothing()
    {
        using var index = _folder.OpenIndex();
        await index.UpsertAsync(Article("any").WithTitle("The state of the harbour").Build(), CancellationToken);

        var results = await index.SearchAsync(new SearchRequest("the of"), CancellationToken);

        Assert.Equal(0, results.TotalCount);
    }

    [Fact]
    public async Task A_phrase_does_not_span_two_authors()
    {
        using var index = _folder.OpenIndex();
        await index.UpsertAsync(Article("two-authors").WithAuthors("Maria Jones", "Smith Patel").Build(), CancellationToken);

        Assert.Equal(0, (await index.SearchAsync(new SearchRequest("\"Jones Smith\""), CancellationToken)).TotalCount);
        Assert.Equal(1, (await index.SearchAsync(new SearchRequest("\"Maria Jones\""), CancellationToken)).TotalCount);
    }

    [Fact]
    public async Task Shared_terms_are_the_source_words_the_neighbour_contains_as_first_written()
    {
        using var index = _folder.OpenIndex();
        await index.UpsertAsync(Article("source").WithTitle("River floods valley").WithBody("Heavy rain flooded the river valley and the orchards.").Build(), CancellationToken);
        await index.UpsertAsync(Article("neighbour").WithTitle("Valley river rises").WithBody("The river rose in the valley.").Build(), CancellationToken);
        await index.UpsertAsync(Article("orchard").WithTitle("Orchards bloom").WithBody("Apple orchards bloom early after heavy rain.").Build(), CancellationToken);

        var similar = await index.FindSimilarAsync("source", 5, CancellationToken);

        var neighbour = similar.Single(s => s.Id == "neighbour");
        Assert.Equal(["river", "valley"], neighbour.SharedTerms.Order(StringComparer.Ordinal));
        var orchard = similar.Single(s => s.Id == "orchard");
        Assert.Equal(["heavy", "orchards", "rain"], orchard.SharedTerms.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Common_words_are_never_why_two_articles_are_similar()
    {
        using var index = _folder.OpenIndex();
        await index.UpsertAsync(Article("source").WithTitle("Ceasefire talks").WithBody("He has more news from the ceasefire talks, and more from Kyiv.").Build(), CancellationToken);
        await index.UpsertAsync(Article("neighbour").WithTitle("Ceasefire holds").WithBody("She has more to say from the front, more than before.").Build(), CancellationToken);

        var similar = await index.FindSimilarAsync("source", 5, CancellationToken);

        var neighbour = Assert.Single(similar);
        Assert.Equal(["ceasefire"], neighbour.SharedTerms);
    }

    [Fact]
    public async Task Using_a_disposed_index_throws()
    {
        var index = _folder.OpenIndex();
        index.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => index.SearchAsync(new SearchRequest("x"), CancellationToken));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => index.UpsertAsync(Article("late").Build(), CancellationToken));
    }

    private static SearchRequest BodyHighlighted(string query) => new(query) { Highlight = new HighlightRequest([ArticleFieldNames.Body]) };
}
