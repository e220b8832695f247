using System.Text.Json;
using Pipeline.Core.Articles;
using Pipeline.Core.Search;
using Pipeline.Core.Serialization;
using Pipeline.Testing.Articles;
using Xunit;
using static Pipeline.Testing.Articles.ArticleBuilder;

namespace Pipeline.Testing.Search;

/// <summary>
/// The behaviour every <see cref="IArticleIndex"/> backend shares. A backend's test project subclasses this once,
/// supplying a fresh empty index per test; every fact here then runs against that backend.
/// </summary>
/// <remarks>
/// Most facts use small synthetic articles, so they run without the shared corpora; the ones that need realistic
/// text use BBC articles and are skipped when <c>../shared</c> is absent.
/// </remarks>
public abstract partial class ArticleIndexContractTests : IAsyncLifetime
{
    private IArticleIndex? _index;

    protected IArticleIndex Index => _index ?? throw new InvalidOperationException("The index is created in InitializeAsync.");

    protected static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    /// <summary>Creates a fresh, empty index for one test.</summary>
    protected abstract ValueTask<IArticleIndex> CreateEmptyIndexAsync();

    /// <summary>
    /// Called after a test's writes and before it reads. A backend whose writes become searchable after a delay
    /// waits here; one that is consistent on acknowledgement (as the embedded index is) does nothing.
    /// </summary>
    protected virtual ValueTask WaitUntilSearchableAsync() => ValueTask.CompletedTask;

    /// <summary>Disposes the index; override to also remove whatever <see cref="CreateEmptyIndexAsync"/> created.</summary>
    protected virtual async ValueTask DisposeIndexAsync(IArticleIndex index)
    {
        switch (index)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    public async ValueTask InitializeAsync() => _index = await CreateEmptyIndexAsync();

    public async ValueTask DisposeAsync()
    {
        if (_index is not null)
        {
            await DisposeIndexAsync(_index);
            _index = null;
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Get_returns_the_full_article_that_was_upserted()
    {
        var article = Article("full-round-trip")
            .WithTitle("Talks resume in “good faith”, says envoy")
            .WithAuthors("Ada Lovelace", "Charles Babbage")
            .PublishedAt(new DateTimeOffset(2024, 11, 3, 14, 5, 0, TimeSpan.FromHours(2)))
            .WithBody("Delegations met on Tuesday.", "A second round is planned.")
            .WithSection("Background", "The talks stalled in the spring.")
            .WithRelated(new RelatedLink("Earlier talks collapse", "https://example.com/earlier"), new RelatedLink("Envoy profile"))
            .WithSource(new ArticleOrigin("inbox/talks.html", "\"0x8DC\"", "text/html"))
            .Build();
        await IndexAsync(article);

        var stored = await Index.GetAsync(article.Id, CancellationToken);

        Assert.NotNull(stored);
        Assert.Equal(ToJson(article), ToJson(stored));
    }

    [Fact]
    public async Task Get_returns_null_for_an_unknown_id()
    {
        await IndexAsync(Article("known").Build());

        Assert.Null(await Index.GetAsync("unknown", CancellationToken));
    }

    [Fact]
    public async Task Upsert_with_an_existing_id_replaces_the_article()
    {
        await IndexAsync(Article("harvest").WithTitle("Record apple harvest").WithBody("Orchards picked early.").Build());
        await IndexAsync(Article("harvest").WithTitle("Vineyard vintage praised").WithBody("Growers celebrate.").Build());

        var all = await SearchAsync("*");
        Assert.Equal(1, all.TotalCount);
        Assert.Equal("Vineyard vintage praised", all.Hits.Single().Title);
        Assert.Equal(["harvest"], await SearchIdsAsync("vintage"));
        Assert.Empty(await SearchIdsAsync("apple"));
        Assert.Equal("Vineyard vintage praised", (await Index.GetAsync("harvest", CancellationToken))?.Title);
    }

    [Fact]
    public async Task Delete_removes_the_article_and_returns_true()
    {
        await IndexAsync(
            Article("to-delete").WithTitle("Lighthouse keeper retires").Build(),
            Article("to-keep").WithTitle("Harbour reopens").Build());

        Assert.True(await Index.DeleteAsync("to-delete", CancellationToken));
        await WaitUntilSearchableAsync();

        Assert.Null(await Index.GetAsync("to-delete", CancellationToken));
        Assert.Empty(await SearchIdsAsync("lighthouse"));
        Assert.Equal(["to-keep"], await SearchIdsAsync("*"));
    }

    [Fact]
    public async Task Delete_returns_false_for_an_unknown_id()
    {
        await IndexAsync(Article("present").Build());

        Assert.False(await Index.DeleteAsync("absent", CancellationToken));
        Assert.Equal(["present"], await SearchIdsAsync("*"));
    }

    [Fact]
    public async Task Versions_are_the_source_versions_of_the_indexed_articles()
    {
        var modified = new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);
        await IndexAsync(
            Article("versioned").WithSource(new ArticleOrigin("inbox/versioned.html", "\"0x8DC1\"", "text/html", modified)).Build(),
            Article("unversioned").WithSource(new ArticleOrigin("inbox/unversioned.txt")).Build());

        var versions = await Index.GetVersionsAsync(["versioned", "unversioned", "never-indexed"], CancellationToken);

        Assert.Equal(new ArticleVersion("\"0x8DC1\"", modified), versions["versioned"]);
        Assert.Equal(new ArticleVersion(null, null), versions["unversioned"]);
        Assert.False(versions.ContainsKey("never-indexed"));
    }

    [Fact]
    public async Task Versions_follow_a_replacement_and_a_delete()
    {
        await IndexAsync(
            Article("replaced").WithSource(new ArticleOrigin("replaced.txt", "\"v1\"")).Build(),
            Article("deleted").WithSource(new ArticleOrigin("deleted.txt", "\"v1\"")).Build());
        await IndexAsync(Article("replaced").WithSource(new ArticleOrigin("replaced.txt", "\"v2\"")).Build());
        Assert.True(await Index.DeleteAsync("deleted", CancellationToken));
        await WaitUntilSearchableAsync();

        var versions = await Index.GetVersionsAsync(["replaced", "deleted"], CancellationToken);

        Assert.Equal("\"v2\"", Assert.Single(versions).Value.ETag);
    }

    [Fact]
    public async Task Versions_of_many_ids_come_back_in_one_call()
    {
        var articles = Enumerable.Range(0, 600).Select(i => Article($"bulk-{i}").WithSource(new ArticleOrigin($"bulk-{i}.txt", $"\"e{i}\"")).Build()).ToArray();
        await IndexAsync(articles);

        var versions = await Index.GetVersionsAsync([.. articles.Select(a => a.Id)], CancellationToken);

        Assert.Equal(articles.Length, versions.Count);
        Assert.All(articles, article => Assert.Equal(article.Source.ETag, versions[article.Id].ETag));
    }

    [Fact]
    public async Task Search_finds_an_article_by_a_title_word()
    {
        await IndexAsync(
            Article("glacier").WithTitle("Glacier retreat accelerates").WithBody("Measurements from the summer survey.").Build(),
            Article("market").WithTitle("Market stalls return").WithBody("Traders set up early.").Build());

        Assert.Equal(["glacier"], await SearchIdsAsync("glacier"));
    }

    [Fact]
    public async Task Search_finds_an_article_by_a_body_word()
    {
        await IndexAsync(
            Article("survey").WithTitle("Summer survey published").WithBody("Researchers counted puffins on the cliffs.").Build(),
            Article("market").WithTitle("Market stalls return").WithBody("Traders set up early.").Build());

        Assert.Equal(["survey"], await SearchIdsAsync("puffins"));
    }

    [Fact]
    public async Task Search_finds_an_article_by_an_author_name()
    {
        await IndexAsync(
            Article("by-author").WithTitle("Bridge repairs begin").WithAuthors("Marguerite Okonkwo").Build(),
            Article("no-author").WithTitle("Bridge repairs delayed").Build());

        Assert.Equal(["by-author"], await SearchIdsAsync("Okonkwo"));
    }

    [Fact]
    public async Task A_title_match_ranks_above_a_body_only_match()
    {
        await IndexAsync(
            Article("body-match").WithTitle("Weekend travel round-up").WithBody("Flights were delayed after the volcano in the north became active.").Build(),
            Article("title-match").WithTitle("Volcano erupts near village").WithBody("Residents were evacuated overnight as ash fell.").Build());

        Assert.Equal(["title-match", "body-match"], await SearchIdsAsync("volcano"));
    }

    [Fact]
    public async Task A_quoted_phrase_matches_only_the_words_side_by_side()
    {
        await IndexAsync(
            Article("adjacent").WithTitle("Officials warn").WithBody("Officials said climate change is accelerating.").Build(),
            Article("apart").WithTitle("Policy shift").WithBody("The change in policy came after a climate summit.").Build());

        Assert.Equal(["adjacent"], await SearchIdsAsync("\"climate change\""));
    }

    [Fact]
    public async Task Separate_words_match_articles_with_any_of_them()
    {
        await IndexAsync(
            Article("both").WithBody("Officials said climate change is accelerating.").Build(),
            Article("climate-only").WithBody("A climate summit opened.").Build(),
            Article("change-only").WithBody("A change of plan.").Build(),
            Article("neither").WithBody("Traders set up early.").Build());

        var ids = await SearchIdsAsync("climate change");

        Assert.Equal("both", ids[0]);
        Assert.Equal(["both", "change-only", "climate-only"], ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_minus_word_excludes_articles_containing_it()
    {
        await IndexAsync(
            Article("coast").WithTitle("Storm floods the coastal town").Build(),
            Article("stadium").WithTitle("Storm halts football match").Build());

        Assert.Equal(["coast"], await SearchIdsAsync("storm -football"));
    }

    [Fact]
    public async Task A_minus_phrase_excludes_only_articles_containing_the_phrase()
    {
        await IndexAsync(
            Article("coast").WithTitle("Storm floods the coastal town").Build(),
            Article("stadium").WithTitle("Storm halts football match").Build(),
            Article("club").WithTitle("Storm damages football club roof").Build());

        var ids = await SearchIdsAsync("storm -\"football match\"");

        Assert.Equal(["club", "coast"], ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Only_exclusions_match_everything_else()
    {
        await IndexAsync(
            Article("coast").WithTitle("Storm floods the coastal town").Build(),
            Article("stadium").WithTitle("Storm halts football match").Build());

        Assert.Equal(["coast"], await SearchIdsAsync("-football"));
    }

    [Fact]
    public async Task A_plus_word_is_required()
    {
        await IndexAsync(
            Article("coast").WithTitle("Storm floods the coastal town").Build(),
            Article("stadium").WithTitle("Storm halts football match").Build(),
            Article("harbour").WithTitle("Coastal harbour reopens").Build());

        var ids = await SearchIdsAsync("storm +coastal");

        Assert.Equal(["coast", "harbour"], ids.Order(StringComparer.Ordinal));
        Assert.Equal("coast", ids[0]);
    }

    [Fact]
    public async Task A_trailing_star_matches_words_that_start_with_the_prefix()
    {
        await IndexAsync(
            Article("plants").WithBody("Photosynthesis slows in winter leaves.").Build(),
            Article("gallery").WithBody("A photography exhibition opens.").Build(),
            Article("kitchen").WithBody("A cookery class for beginners.").Build());

        Assert.Equal(["plants"], await SearchIdsAsync("photosynth*"));
        Assert.Equal(["gallery", "plants"], (await SearchIdsAsync("photo*")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Pages_do_not_overlap_and_report_the_same_total()
    {
        // Bodies of different lengths give every article a different score, so the ranking has no ties.
        var articles = Enumerable.Range(1, 23)
            .Select(i => Article($"lantern-{i:00}").WithTitle($"Notice {i}").WithBody("The lantern " + string.Join(' ', Enumerable.Repeat("glowed", i))).Build())
            .ToArray();
        await IndexAsync(articles);

        var pages = new[]
        {
            await SearchAsync("lantern", top: 10, skip: 0),
            await SearchAsync("lantern", top: 10, skip: 10),
            await SearchAsync("lantern", top: 10, skip: 20),
        };

        Assert.All(pages, page => Assert.Equal(23, page.TotalCount));
        Assert.Equal([10, 10, 3], pages.Select(page => page.Hits.Count));
        var ids = pages.SelectMany(page => page.Hits.Select(hit => hit.Id)).ToList();
        Assert.Equal(23, ids.Distinct().Count());
        Assert.Equal(articles.Select(a => a.Id).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_page_beyond_the_last_hit_is_empty_but_keeps_the_total()
    {
        await IndexAsync(Article("one").WithTitle("Lantern festival").Build(), Article("two").WithTitle("Lantern parade").Build());

        var page = await SearchAsync("lantern", top: 10, skip: 5);

        Assert.Equal(2, page.TotalCount);
        Assert.Empty(page.Hits);
    }

    [Fact]
    public async Task Top_zero_counts_the_matches_without_returning_hits()
    {
        await IndexAsync(Article("one").WithTitle("Lantern festival").Build(), Article("two").WithTitle("Lantern parade").Build());

        var page = await SearchAsync("lantern", top: 0);

        Assert.Equal(2, page.TotalCount);
        Assert.Empty(page.Hits);
    }

    [Theory]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("   ")]
    public async Task An_empty_or_star_query_matches_all_newest_first(string query)
    {
        await IndexAsync(
            Article("spring").WithTitle("Spring").PublishedAt(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero)).Build(),
            Article("undated").WithTitle("Undated").Build(),
            Article("summer-b").WithTitle("Summer B").PublishedAt(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero)).Build(),
            Article("summer-a").WithTitle("Summer A").PublishedAt(new DateTimeOffset(2024, 6, 1, 2, 0, 0, TimeSpan.FromHours(2))).Build());

        var results = await SearchAsync(query);

        // Same instant for both summer articles: the id breaks the tie. Articles without a date come last.
        Assert.Equal(4, results.TotalCount);
        Assert.Equal(["summer-a", "summer-b", "spring", "undated"], results.Hits.Select(hit => hit.Id));
    }

    [Fact]
    public async Task Hits_carry_what_a_result_list_shows()
    {
        var published = new DateTimeOffset(2024, 11, 3, 14, 5, 0, TimeSpan.FromHours(2));
        await IndexAsync(Article("summary").WithTitle("Ferry service restored").WithAuthors("Ines Duarte", "Tom Hale").PublishedAt(published)
            .WithBody("The ferry crossed at dawn.").Build());

        var hit = (await SearchAsync("ferry")).Hits.Single();

        Assert.Equal("summary", hit.Id);
        Assert.Equal("Ferry service restored", hit.Title);
        Assert.Equal(["Ines Duarte", "Tom Hale"], hit.Authors);
        Assert.Equal(published, hit.Published);
        Assert.True(hit.Score > 0);
    }

    [Fact]
    public async Task By_default_the_snippet_is_the_lead_summary_html_escaped()
    {
        await IndexAsync(Article("river").WithTitle("Town braces for high water")
            .WithBody("Sandbags & <b>pumps</b> were handed out.", "By evening the river had burst its banks near the old mill.")
            .WithSummary("Sandbags & <b>pumps</b> were handed out.").Build());

        var hit = (await SearchAsync("river")).Hits.Single();

        Assert.Equal("Sandbags &amp; &lt;b&gt;pumps&lt;/b&gt; were handed out.", hit.Snippet);
    }

    [Fact]
    public async Task The_default_snippet_is_the_summary_wherever_the_query_matched()
    {
        await IndexAsync(Article("river").WithTitle("River bursts its banks").WithBody("Sandbags were handed out on Monday.")
            .WithSummary("Sandbags were handed out on Monday.").Build());

        var titleMatch = (await SearchAsync("river")).Hits.Single();
        var matchAll = (await SearchAsync("*")).Hits.Single();

        Assert.Equal("Sandbags were handed out on Monday.", titleMatch.Snippet);
        Assert.Equal("Sandbags were handed out on Monday.", matchAll.Snippet);
    }

    [Fact]
    public async Task An_article_without_a_summary_has_no_default_snippet()
    {
        await IndexAsync(Article("river").WithTitle("Town braces for high water").WithBody("By evening the river had burst its banks.").Build());

        Assert.Null((await SearchAsync("river")).Hits.Single().Snippet);
    }

    [Fact]
    public async Task Highlighting_the_body_makes_the_snippet_the_passage_around_the_match()
    {
        await IndexAsync(Article("river").WithTitle("Town braces for high water")
            .WithBody("Sandbags were handed out on Monday.", "By evening the river had burst its banks near the old mill.")
            .WithSummary("Sandbags were handed out on Monday.").Build());

        var hit = (await SearchAsync(new SearchRequest("river") { Highlight = new HighlightRequest([ArticleFieldNames.Body]) })).Hits.Single();

        Assert.NotNull(hit.Snippet);
        Assert.Contains("<em>river</em>", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_with_accents_and_curly_quotes_is_searchable()
    {
        await IndexAsync(
            Article("unicode").WithTitle("Mayors meet delegates")
                .WithBody("Kyiv’s mayor praised the “peace formula” at a meeting in Zürich with delegates from São Paulo.").Build(),
            Article("plain").WithTitle("Harbour reopens").WithBody("The peace of the harbour returned.").Build());

        Assert.Equal(["unicode"], await SearchIdsAsync("Zürich"));
        Assert.Equal(["unicode"], await SearchIdsAsync("São"));
        Assert.Equal(["unicode"], await SearchIdsAsync("Kyiv"));
        Assert.Equal(["unicode"], await SearchIdsAsync("Kyiv’s"));
        Assert.Equal(["unicode"], await SearchIdsAsync("\"peace formula\""));
        Assert.Equal("unicode", (await SearchIdsAsync("“peace formula”"))[0]);
    }

    [Theory]
    [InlineData("\"storm")]
    [InlineData("storm\"")]
    [InlineData("\"storm\" \"")]
    [InlineData("(storm)")]
    [InlineData("storm AND")]
    [InlineData("storm | coastal")]
    [InlineData("storm -")]
    [InlineData("storm +")]
    [InlineData("storm \"\"")]
    [InlineData("storm ~ [a TO b] \\ &&")]
    [InlineData("*storm")]
    [InlineData("storm**")]
    [InlineData("+-storm")]
    public async Task Malformed_syntax_is_read_as_plain_text(string query)
    {
        await IndexAsync(
            Article("coast").WithTitle("Storm floods the coastal town").Build(),
            Article("harbour").WithTitle("Harbour reopens").Build());

        Assert.Equal(["coast"], await SearchIdsAsync(query));
    }

    [Fact]
    public async Task Similar_articles_exclude_the_article_itself_and_come_closest_first()
    {
        await IndexAsync(
            Article("flood-a").WithTitle("River floods valley after heavy rain")
                .WithBody("Heavy rain caused the river to flood the valley, and farmers moved livestock to higher ground.").Build(),
            Article("flood-b").WithTitle("Valley farmers count flood damage")
                .WithBody("After the river flood, farmers in the valley said heavy rain had ruined crops and livestock feed.").Build(),
            Article("football").WithTitle("Cup final goes to penalties")
                .WithBody("The match ended level and the home side won the shoot-out.").Build(),
            Article("baking").WithTitle("Bread baking class fills up")
                .WithBody("Beginners learn to knead dough and bake a loaf in the valley village hall.").Build());

        var similar = await Index.FindSimilarAsync("flood-a", 3, CancellationToken);

        Assert.DoesNotContain(similar, s => s.Id == "flood-a");
        Assert.Equal("flood-b", similar[0].Id);
        Assert.Equal("Valley farmers count flood damage", similar[0].Title);
        Assert.NotEmpty(similar[0].SharedTerms);
        Assert.True(similar.Count <= 3);
    }

    [Fact]
    public async Task Similar_is_empty_for_an_unknown_id()
    {
        await IndexAsync(Article("only").WithTitle("River floods valley").Build());

        Assert.Empty(await Index.FindSimilarAsync("unknown", 5, CancellationToken));
    }

    [Fact]
    public async Task Similar_real_news_articles_share_their_story()
    {
        var patentLaw = BbcArticles.Load("tech", 14);
        var patentRewrite = BbcArticles.Load("tech", 30);
        var sprintersDelay = BbcArticles.Load("sport", 16);
        var sprintersSuspended = BbcArticles.Load("sport", 33);
        await IndexAsync(patentLaw, patentRewrite, sprintersDelay, sprintersSuspended, BbcArticles.Load("tech", 1), BbcArticles.Load("sport", 13));

        var likePatentLaw = await Index.FindSimilarAsync(patentLaw.Id, 3, CancellationToken);
        var likeSprinters = await Index.FindSimilarAsync(sprintersDelay.Id, 3, CancellationToken);

        Assert.Equal(patentRewrite.Id, likePatentLaw[0].Id);
        Assert.Equal(sprintersSuspended.Id, likeSprinters[0].Id);
        Assert.DoesNotContain(likeSprinters, s => s.Id == sprintersDelay.Id);
    }

    [Fact]
    public async Task Real_news_articles_are_found_by_phrase_and_highlighted()
    {
        var ink = BbcArticles.Load("tech", 1);
        var patentLaw = BbcArticles.Load("tech", 14);
        var patentRewrite = BbcArticles.Load("tech", 30);
        await IndexAsync(ink, patentLaw, patentRewrite, BbcArticles.Load("sport", 16));

        var parliament = await SearchIdsAsync("\"European Parliament\"");
        var ultraviolet = (await SearchAsync(new SearchRequest("ultraviolet") { Highlight = new HighlightRequest([ArticleFieldNames.Body]) })).Hits.Single();

        Assert.Equal([patentLaw.Id, patentRewrite.Id], parliament.Order(StringComparer.Ordinal));
        Assert.Equal(ink.Id, ultraviolet.Id);
        Assert.Contains("<em>ultraviolet</em>", ultraviolet.Snippet, StringComparison.OrdinalIgnoreCase);
    }

    protected async Task IndexAsync(params Article[] articles)
    {
        foreach (var article in articles)
        {
            await Index.UpsertAsync(article, CancellationToken);
        }

        await WaitUntilSearchableAsync();
    }

    protected Task<SearchResults> SearchAsync(string query, int top = SearchRequest.DefaultTop, int skip = 0) =>
        Index.SearchAsync(new SearchRequest(query, top, skip), CancellationToken);

    protected async Task<IReadOnlyList<string>> SearchIdsAsync(string query) =>
        (await SearchAsync(query)).Hits.Select(hit => hit.Id).ToList();

    protected Task<SearchResults> SearchAsync(SearchRequest request) => Index.SearchAsync(request, CancellationToken);

    /// <summary>The ids of the first page of hits, in result order.</summary>
    protected async Task<IReadOnlyList<string>> SearchIdsAsync(SearchRequest request) =>
        (await SearchAsync(request)).Hits.Select(hit => hit.Id).ToList();

    /// <summary>The ids of all hits sorted by id, for specifications about which articles match rather than their order.</summary>
    protected async Task<IReadOnlyList<string>> MatchingIdsAsync(SearchRequest request) =>
        (await SearchAsync(request with { Top = SearchRequest.MaxTop })).Hits.Select(hit => hit.Id).Order(StringComparer.Ordinal).ToList();

    private static string ToJson(Article article) => JsonSerializer.Serialize(article, PipelineJson.Options);
}
