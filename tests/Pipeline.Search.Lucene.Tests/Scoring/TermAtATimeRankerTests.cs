using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Facets;
using Pipeline.Core.Search.Filtering;
using Pipeline.Core.Search.Querying;
using Pipeline.Search.Lucene.Analysis;
using Pipeline.Search.Lucene.Facets;
using Pipeline.Search.Lucene.Filtering;
using Pipeline.Search.Lucene.Querying;
using Pipeline.Search.Lucene.Scoring;
using static Pipeline.Testing.Articles.ArticleBuilder;

namespace Pipeline.Search.Lucene.Tests.Scoring;

/// <summary>Ranking a query of words term by term must give what Lucene's own scorer and collector give, to the bit.</summary>
public sealed class TermAtATimeRankerTests : IDisposable
{
    private static readonly string[] Words = ["harbour", "ferry", "storm", "market", "river", "council", "school", "train", "budget", "museum"];
    private static readonly string[] Tags = ["local", "weather", "transport"];

    private readonly TemporaryIndexFolder _folder = new();
    private readonly ArticleAnalyzer _analyzer = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _analyzer.Dispose();
        _folder.Dispose();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Ranks_words_with_Lucenes_scores_order_and_count(bool decodedPostings)
    {
        await WriteArticlesAsync();
        using var reader = OpenReader();
        var searcher = new ArticleSearcher(reader, rankedPageCacheSize: 0);
        var ranker = new TermAtATimeRanker(decodedPostings ? new SegmentTermCache(1 << 20, minimumDocumentFrequency: 1) : new SegmentTermCache(0));

        foreach (var text in Queries())
        {
            var query = Translate(text);
            var expected = RankWithLucene(searcher, query, filter: null, facets: null, window: 15);
            var actual = RankTermAtATime(ranker, searcher, query, filter: null, facets: null, window: 15);
            AssertSameRanking(expected, actual, text);
        }
    }

    [Fact]
    public async Task Counts_and_facets_only_the_live_documents_the_filter_accepts()
    {
        await WriteArticlesAsync();
        using var reader = OpenReader();
        Assert.True(reader.HasDeletions, "the index should hold replaced and deleted articles");
        var searcher = new ArticleSearcher(reader, rankedPageCacheSize: 0);
        var ranker = new TermAtATimeRanker(new SegmentTermCache(1 << 20, minimumDocumentFrequency: 1));
        var filter = new QueryWrapperFilter(FilterTranslator.Translate(
            new AnyFilter(ArticleFieldNames.Tags, new ComparisonFilter(ArticleFieldNames.Tags, ComparisonOperator.Eq, "weather"))));
        FacetRequest[] facets = [new(ArticleFieldNames.Tags)];

        foreach (var text in Queries().Take(20))
        {
            var query = Translate(text);
            var expected = RankWithLucene(searcher, query, filter, FacetCounter.For(facets), window: 10);
            var actual = RankTermAtATime(ranker, searcher, query, filter, FacetCounter.For(facets), window: 10);
            AssertSameRanking(expected, actual, text);
            Assert.Equal(
                expected.Facets![ArticleFieldNames.Tags].Select(bucket => (bucket.Value, bucket.Count)),
                actual.Facets![ArticleFieldNames.Tags].Select(bucket => (bucket.Value, bucket.Count)));
        }
    }

    [Fact]
    public async Task Breaks_equal_scores_by_id()
    {
        using (var index = _folder.OpenIndex())
        {
            foreach (var id in new[] { "tie-c", "tie-a", "other", "tie-b" })
            {
                var text = id == "other" ? "storm over the harbour tonight" : "storm at the harbour";
                await index.UpsertAsync(Article(id).WithTitle("Night news").WithBody(text).Build(), Ct);
            }
        }

        using var reader = OpenReader();
        var searcher = new ArticleSearcher(reader, rankedPageCacheSize: 0);
        var ranker = new TermAtATimeRanker(new SegmentTermCache(1 << 20, minimumDocumentFrequency: 1));
        var query = Translate("storm harbour");

        var actual = RankTermAtATime(ranker, searcher, query, filter: null, facets: null, window: 10);

        var ties = actual.Window.Where(hit => Id(reader, hit.Doc).StartsWith("tie-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["tie-a", "tie-b", "tie-c"], ties.Select(hit => Id(reader, hit.Doc)));
        Assert.Single(ties.Select(hit => hit.Score).Distinct());
        AssertSameRanking(RankWithLucene(searcher, query, filter: null, facets: null, window: 10), actual, "storm harbour");
    }

    [Theory]
    [InlineData("\"storm harbour\"")]
    [InlineData("storm -harbour")]
    [InlineData("harb*")]
    public void Leaves_phrases_exclusions_and_prefixes_to_Lucene(string text) =>
        Assert.Null(TermAtATimeRanker.TermsOf(Translate(text)));

    [Fact]
    public void Takes_a_query_of_plain_words() =>
        Assert.Equal(8, TermAtATimeRanker.TermsOf(Translate("storm harbour"))?.Count);

    private static IEnumerable<string> Queries() =>
        Words.SelectMany(first => Words.Where(second => second != first).Select(second => $"{first} {second}")).Concat(Words);

    private Query Translate(string text) => new SimpleQueryTranslator(_analyzer).Translate(SimpleQueryParser.Parse(text)).Query;

    private DirectoryReader OpenReader() => DirectoryReader.Open(FSDirectory.Open(_folder.Path));

    /// <summary>Three segments, then replacements and deletions, so that every segment has deleted documents.</summary>
    private async Task WriteArticlesAsync()
    {
        var random = new Random(11);
        string Text(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));
        using var index = _folder.OpenIndex();
        for (var batch = 0; batch < 3; batch++)
        {
            await index.UpsertManyAsync(
                Enumerable.Range(batch * 80, 80).Select(i => Article($"story-{i:D3}")
                    .WithTitle(Text(3)).WithBody(Text(5 + random.Next(60))).WithTags(Tags[random.Next(Tags.Length)]).Build()).ToList(),
                Ct);
        }

        await index.UpsertManyAsync(
            Enumerable.Range(0, 240).Where(i => i % 9 == 0).Select(i => Article($"story-{i:D3}").WithTitle(Text(2)).WithBody(Text(10)).WithTags("weather").Build()).ToList(),
            Ct);
        foreach (var i in Enumerable.Range(0, 240).Where(i => i % 13 == 5))
        {
            await index.DeleteAsync($"story-{i:D3}", Ct);
        }
    }

    private static RankedPage RankWithLucene(IndexSearcher searcher, Query query, Filter? filter, FacetCounter? facets, int window)
    {
        var top = TopFieldCollector.Create(SortOrder.ByRelevance, window, fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
        searcher.Search(query, filter, MultiCollector.Wrap(top, facets));
        return new RankedPage(top.GetTopDocs().ScoreDocs, top.TotalHits, facets?.Buckets());
    }

    private static RankedPage RankTermAtATime(TermAtATimeRanker ranker, ArticleSearcher searcher, Query query, Filter? filter, FacetCounter? facets, int window) =>
        ranker.Rank(searcher, (ArticleSimilarity)searcher.Similarity, query, TermAtATimeRanker.TermsOf(query)!, filter, facets, window);

    private static void AssertSameRanking(RankedPage expected, RankedPage actual, string query)
    {
        Assert.True(expected.TotalHits == actual.TotalHits, $"'{query}': {actual.TotalHits} matches, Lucene counts {expected.TotalHits}");
        Assert.Equal(expected.Window.Select(hit => (hit.Doc, hit.Score)), actual.Window.Select(hit => (hit.Doc, hit.Score)));
    }

    private static string Id(IndexReader reader, int doc) => HitValues.Read(reader, doc).Id;
}
