using Pipeline.Core.Articles;
using Pipeline.Core.Search;
using static Pipeline.Testing.Articles.ArticleBuilder;

namespace Pipeline.Search.Lucene.Tests;

/// <summary>The bulk path: many articles, one commit.</summary>
public sealed class LuceneArticleIndexBatchTests : IDisposable
{
    private readonly TemporaryIndexFolder _folder = new();

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Upsert_many_makes_every_article_searchable_once_it_returns()
    {
        using var index = _folder.OpenIndex();

        var written = await index.UpsertManyAsync(
            [Article("harbour").WithTitle("Harbour dredged").Build(), Article("ferry").WithTitle("Ferry harbour reopens").Build()],
            CancellationToken);

        Assert.Equal(2, written);
        var hits = (await index.SearchAsync(new SearchRequest("harbour"), CancellationToken)).Hits.Select(hit => hit.Id).Order();
        Assert.Equal(["ferry", "harbour"], hits);
    }

    [Fact]
    public async Task Upsert_many_replaces_an_article_with_the_same_id_as_upsert_does()
    {
        using var index = _folder.OpenIndex();
        await index.UpsertAsync(Article("bridge").WithTitle("Bridge closed").Build(), CancellationToken);

        await index.UpsertManyAsync([Article("bridge").WithTitle("Bridge reopened").Build()], CancellationToken);

        Assert.Equal("Bridge reopened", (await index.GetAsync("bridge", CancellationToken))?.Title);
        Assert.Equal(1, (await index.SearchAsync(new SearchRequest("bridge"), CancellationToken)).TotalCount);
    }

    [Fact]
    public async Task Articles_before_an_invalid_one_are_kept_and_the_error_is_thrown()
    {
        using (var index = _folder.OpenIndex())
        {
            Article[] articles = [Article("first").Build(), Article("second").Build() with { Id = string.Empty }, Article("third").Build()];

            await Assert.ThrowsAsync<ArgumentException>(() => index.UpsertManyAsync(articles, CancellationToken));
        }

        using var reopened = _folder.OpenIndex();
        Assert.NotNull(await reopened.GetAsync("first", CancellationToken));
        Assert.Null(await reopened.GetAsync("third", CancellationToken));
    }
}
