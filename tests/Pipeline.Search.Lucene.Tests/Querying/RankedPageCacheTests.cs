using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Pipeline.Core.Articles;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Facets;
using Pipeline.Core.Search.Filtering;
using Pipeline.Search.Lucene.Querying;
using static Pipeline.Testing.Articles.ArticleBuilder;

namespace Pipeline.Search.Lucene.Tests.Querying;

/// <summary>How a searcher keeps the rankings of recent requests, and why that never changes an answer.</summary>
public sealed class RankedPageCacheTests : IDisposable
{
    private readonly TemporaryIndexFolder _cached = new();
    private readonly TemporaryIndexFolder _uncached = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _cached.Dispose();
        _uncached.Dispose();
    }

    [Fact]
    public void Requests_that_translate_alike_share_one_entry()
    {
        var cache = new RankedPageCache(capacity: 10);
        cache.Add(Key(TwoWords("harbour", "ferry")), Page(1));

        Assert.True(cache.TryGet(Key(TwoWords("harbour", "ferry")), out var page));
        Assert.Equal(1, page.TotalHits);
        Assert.False(cache.TryGet(Key(TwoWords("harbour", "storm")), out _));
    }

    [Fact]
    public void A_full_cache_lets_the_least_recently_used_rankings_go()
    {
        var cache = new RankedPageCache(capacity: 10);
        for (var i = 0; i < 10; i++)
        {
            cache.Add(Key(TwoWords("word", $"w{i}")), Page(i));
        }

        Assert.True(cache.TryGet(Key(TwoWords("word", "w0")), out _));
        cache.Add(Key(TwoWords("word", "w10")), Page(10));

        Assert.True(cache.Count <= 10);
        Assert.True(cache.TryGet(Key(TwoWords("word", "w0")), out _));
        Assert.True(cache.TryGet(Key(TwoWords("word", "w10")), out _));
        Assert.False(cache.TryGet(Key(TwoWords("word", "w1")), out _));
    }

    [Fact]
    public void Many_searches_adding_at_once_keep_the_cache_within_its_capacity()
    {
        var cache = new RankedPageCache(capacity: 20);

        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct }, i => cache.Add(Key(TwoWords("word", $"w{i}")), Page(i)));

        Assert.InRange(cache.Count, 1, 20);
    }

    [Fact]
    public void A_cache_of_size_zero_keeps_nothing()
    {
        var cache = new RankedPageCache(capacity: 0);
        cache.Add(Key(TwoWords("harbour", "ferry")), Page(1));

        Assert.Equal(0, cache.Count);
        Assert.False(cache.TryGet(Key(TwoWords("harbour", "ferry")), out _));
    }

    [Fact]
    public async Task Answers_are_the_same_with_and_without_the_cache_and_when_repeated()
    {
        using var cached = _cached.OpenIndex();
        using var uncached = _uncached.OpenIndex(configure: options => options.RankedPageCacheSize = 0);
        foreach (var article in Articles())
        {
            await cached.UpsertAsync(article, Ct);
            await uncached.UpsertAsync(article, Ct);
        }

        SearchRequest[] requests =
        [
            new("harbour ferry"),
            new("harbour ferry", Top: 2, Skip: 1),
            new("storm") { Filter = ODataFilterParser.Parse("language eq 'en'"), Facets = [FacetRequestParser.Parse("tags,count:5")] },
            new("*") { OrderBy = [new OrderByClause(ArticleFieldNames.Published, Descending: false)] },
            new("harbour") { Highlight = new HighlightRequest([ArticleFieldNames.Body]) },
        ];
        foreach (var request in requests)
        {
            var expected = Json(await uncached.SearchAsync(request, Ct));
            Assert.Equal(expected, Json(await cached.SearchAsync(request, Ct)));
            Assert.Equal(expected, Json(await cached.SearchAsync(request with { }, Ct)));
        }
    }

    [Fact]
    public async Task A_refresh_answers_a_repeated_search_with_the_new_articles()
    {
        using var index = _cached.OpenIndex();
        await index.UpsertAsync(Article("first").WithTitle("Harbour reopens").Build(), Ct);
        Assert.Equal(1, (await index.SearchAsync(new SearchRequest("harbour"), Ct)).TotalCount);

        await index.UpsertAsync(Article("second").WithTitle("Harbour closes again").Build(), Ct);

        Assert.Equal(2, (await index.SearchAsync(new SearchRequest("harbour"), Ct)).TotalCount);
    }

    private static BooleanQuery TwoWords(string first, string second) => new()
    {
        { new TermQuery(new Term("body", first)), Occur.SHOULD },
        { new TermQuery(new Term("body", second)), Occur.SHOULD },
    };

    private static RankedPageKey Key(Query query) => new(query, Filter: null, Sort.RELEVANCE, Facets: string.Empty, Window: 10);

    private static RankedPage Page(int totalHits) => new([], totalHits, Facets: null);

    private static string Json(SearchResults results) => JsonSerializer.Serialize(results);

    private static IEnumerable<Article> Articles() =>
    [
        Article("harbour-1").WithTitle("Harbour ferry returns").WithBody("The ferry is back in the harbour after the storm.").WithTags("transport").Build(),
        Article("harbour-2").WithTitle("Storm closes the harbour").WithBody("No ferry sailed while the storm lasted.").WithTags("weather", "transport").Build(),
        Article("harbour-3").WithTitle("Harbour festival").WithBody("Music along the harbour wall, ferry rides for children.").WithTags("culture").Build(),
        Article("storm-1").WithTitle("Storm warning").WithBody("A storm is expected on the coast.").WithTags("weather").WithLanguage("en").Build(),
        Article("market").WithTitle("Market day").WithBody("Stalls fill the square.").WithTags("culture").Build(),
    ];
}
