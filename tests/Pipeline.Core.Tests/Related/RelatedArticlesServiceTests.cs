using System.Text.Json;
using Pipeline.Core.Articles;
using Pipeline.Core.Related;
using Pipeline.Core.Search;
using Pipeline.Core.Serialization;
using Pipeline.Testing.Articles;

namespace Pipeline.Core.Tests.Related;

public sealed class RelatedArticlesServiceTests
{
    private const string TalksBody =
        "Ukraine has proposed new peace talks with Russia next week, President Zelenskyy said on Sunday. Russian drones "
        + "struck the port city of Odesa overnight, and officials in Kyiv said air defences intercepted most of them. The "
        + "talks stalled last year over territory, and Moscow still demands that Ukraine give up land its army holds. "
        + "European allies said they would send more air defence systems before the winter.";

    private const string DronesBody =
        "Drone attacks on Odesa killed two people on Tuesday as delegations prepared for a meeting in Istanbul. The city "
        + "council said a school and a grain terminal were damaged, and that repairs to the power network would take days. "
        + "Both governments have said they are willing to talk, but neither has moved on the question of occupied land.";

    private readonly TitleMatchingArticleIndex _index = new();

    [Fact]
    public async Task Returns_null_when_the_article_is_not_indexed()
    {
        Assert.Null(await GetAsync("missing"));
    }

    [Fact]
    public async Task Resolves_the_editorial_headlines()
    {
        var article = Talks() with { Related = [new RelatedLink("Drones Hit Odesa Port"), new RelatedLink("Markets Rally")] };
        _index.Add(article, ArticleBuilder.Article("drones").WithTitle("Drones Hit Odesa Port").WithBody(DronesBody).Build());

        var related = await GetAsync(article.Id);

        Assert.Equal(["drones", null], related!.Editorial.Select(link => link.ArticleId));
    }

    [Fact]
    public async Task Similar_articles_leave_out_the_article_itself()
    {
        var article = Talks();
        var drones = Drones();
        _index.Add(article, drones);
        _index.Similar[article.Id] = [Candidate(article, 9), Candidate(drones, 3)];

        var related = await GetAsync(article.Id);

        Assert.Equal(["drones"], related!.Similar.Select(similar => similar.Id));
    }

    [Fact]
    public async Task Similar_articles_leave_out_a_lightly_edited_copy_of_the_article()
    {
        var article = Talks();
        var copy = ArticleBuilder.Article("talks-copy").WithTitle("Kyiv Offers Moscow Another Round of Talks")
            .WithBody(TalksBody.Replace("Zelenskyy", "Zelensky", StringComparison.Ordinal)).Build().WithDerivedFields();
        var drones = Drones();
        _index.Add(article, copy, drones);
        _index.Similar[article.Id] = [Candidate(copy, 9), Candidate(drones, 3)];

        var related = await GetAsync(article.Id);

        Assert.Equal(["drones"], related!.Similar.Select(similar => similar.Id));
    }

    [Fact]
    public async Task Similar_articles_leave_out_a_candidate_whose_title_reads_the_same()
    {
        var article = Talks();
        var retold = ArticleBuilder.Article("retold").WithTitle("UKRAINE SEEKS NEW PEACE TALKS WITH RUSSIA!").WithBody(DronesBody).Build().WithDerivedFields();
        _index.Add(article, retold);
        _index.Similar[article.Id] = [Candidate(retold, 9)];

        var related = await GetAsync(article.Id);

        Assert.Empty(related!.Similar);
    }

    [Fact]
    public async Task Similar_articles_list_one_version_of_each_other_story()
    {
        var article = Talks();
        var drones = Drones();
        var dronesAgain = ArticleBuilder.Article("drones-again").WithTitle("Odesa Counts the Damage").WithBody(DronesBody).Build().WithDerivedFields();
        _index.Add(article, drones, dronesAgain);
        _index.Similar[article.Id] = [Candidate(drones, 5), Candidate(dronesAgain, 4)];

        var related = await GetAsync(article.Id);

        Assert.Equal(["drones"], related!.Similar.Select(similar => similar.Id));
    }

    [Fact]
    public async Task Asks_for_more_candidates_than_wanted_and_returns_the_number_asked_for()
    {
        var article = Talks();
        var others = Enumerable.Range(1, 4)
            .Select(i => ArticleBuilder.Article($"other-{i}").WithTitle($"Other story {i}").WithBody($"Entirely different words, set {i}.").Build().WithDerivedFields())
            .ToArray();
        _index.Add(article).Add(others);
        _index.Similar[article.Id] = [.. others.Select((other, i) => Candidate(other, 10 - i))];

        var related = await GetAsync(article.Id, similarCount: 2);

        Assert.Equal(["other-1", "other-2"], related!.Similar.Select(similar => similar.Id));
        Assert.Equal([2 + new RelatedArticlesOptions().SimilarCandidateMargin], _index.SimilarRequests);
    }

    [Fact]
    public async Task Asks_the_index_for_no_similar_articles_when_none_are_wanted()
    {
        _index.Add(Talks());

        var related = await GetAsync("talks", similarCount: 0);

        Assert.Empty(related!.Similar);
        Assert.Empty(_index.SimilarRequests);
    }

    [Fact]
    public async Task Why_an_article_is_similar_is_the_keyphrases_both_share()
    {
        var article = Talks() with { Keyphrases = ["ukraine", "peace talks", "drones", "zelenskyy"] };
        var drones = Drones() with { Keyphrases = ["odesa", "drone", "peace"] };
        _index.Add(article, drones);
        _index.Similar[article.Id] = [Candidate(drones, 3, "odesa", "drones", "russia")];

        var related = await GetAsync(article.Id);

        Assert.Equal(["peace", "drones"], Assert.Single(related!.Similar).SharedTerms);
    }

    [Fact]
    public async Task Why_falls_back_to_the_backend_terms_when_no_keyphrase_is_shared()
    {
        var article = Talks() with { Keyphrases = ["ukraine", "peace talks"] };
        var drones = Drones() with { Keyphrases = ["odesa", "grain terminal"] };
        _index.Add(article, drones);
        _index.Similar[article.Id] = [Candidate(drones, 3, "odesa", "drones")];

        var related = await GetAsync(article.Id);

        Assert.Equal(["odesa", "drones"], Assert.Single(related!.Similar).SharedTerms);
    }

    [Fact]
    public async Task A_candidate_the_backend_gives_without_fingerprint_is_looked_up_so_a_copy_is_still_left_out()
    {
        var article = Talks();
        var copy = ArticleBuilder.Article("talks-copy").WithTitle("Kyiv Offers Moscow Another Round of Talks").WithBody(TalksBody).Build().WithDerivedFields();
        _index.Add(article, copy);
        _index.Similar[article.Id] = [new SimilarArticle(copy.Id, copy.Title, 9, ["ukraine"])];

        var related = await GetAsync(article.Id);

        Assert.Empty(related!.Similar);
    }

    [Fact]
    public async Task Articles_without_body_words_are_not_versions_of_one_another()
    {
        var article = ArticleBuilder.Article("empty-1").WithTitle("Photo gallery: the flood").WithBody().Build().WithDerivedFields();
        var other = ArticleBuilder.Article("empty-2").WithTitle("Photo gallery: the parade").WithBody().Build().WithDerivedFields();
        _index.Add(article, other);
        _index.Similar[article.Id] = [Candidate(other, 1)];

        var related = await GetAsync(article.Id);

        Assert.Equal(["empty-2"], related!.Similar.Select(similar => similar.Id));
    }

    [Fact]
    public void Json_spells_the_match_in_lower_case_and_leaves_out_what_an_unresolved_link_lacks()
    {
        var related = new RelatedArticles(
            "talks",
            [new EditorialLink("Drones Hit Odesa Port", null, "drones", 1) { Match = EditorialMatch.Exact }, new EditorialLink("Markets Rally", null, null, 0)],
            []);

        var json = JsonSerializer.Serialize(related, PipelineJson.Options);

        Assert.Equal(
            """{"id":"talks","editorial":[{"title":"Drones Hit Odesa Port","articleId":"drones","confidence":1,"match":"exact"},{"title":"Markets Rally","confidence":0}],"similar":[]}""",
            json);
    }

    private static Article Talks() =>
        ArticleBuilder.Article("talks").WithTitle("Ukraine Seeks New Peace Talks With Russia").WithBody(TalksBody).Build().WithDerivedFields();

    private static Article Drones() =>
        ArticleBuilder.Article("drones").WithTitle("Drones Hit Odesa Port").WithBody(DronesBody).Build().WithDerivedFields();

    /// <summary>A more-like-this result as the backends give it, with the candidate's keyphrases and fingerprint.</summary>
    private static SimilarArticle Candidate(Article article, double score, params string[] sharedTerms) =>
        new(article.Id, article.Title, score, sharedTerms) { Keyphrases = article.Keyphrases, Fingerprint = article.Fingerprint };

    private Task<RelatedArticles?> GetAsync(string id, int similarCount = RelatedArticlesService.DefaultSimilarCount) =>
        new RelatedArticlesService(_index).GetAsync(id, similarCount, TestContext.Current.CancellationToken);
}
