using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Pipeline.Core.Search.Querying;
using Pipeline.Search.Lucene.Analysis;
using Pipeline.Search.Lucene.Querying;
using static Pipeline.Testing.Articles.ArticleBuilder;

namespace Pipeline.Search.Lucene.Tests.Querying;

/// <summary>Why a simple query's words may be lifted out of their per-field groups: the ranking does not change.</summary>
public sealed class FlatDisjunctionTests : IDisposable
{
    private static readonly string[] Words = ["harbour", "ferry", "storm", "market", "river", "council", "school", "train"];

    private readonly TemporaryIndexFolder _folder = new();
    private readonly ArticleAnalyzer _analyzer = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _analyzer.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_flat_query_ranks_like_the_nested_one_scored_in_order()
    {
        using (var index = _folder.OpenIndex())
        {
            var random = new Random(7);
            for (var i = 0; i < 60; i++)
            {
                string Text(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));
                await index.UpsertAsync(Article($"story-{i}").WithTitle(Text(3)).WithBody(Text(5 + random.Next(40))).WithTags(Words[random.Next(Words.Length)]).Build(), Ct);
            }
        }

        using var directory = FSDirectory.Open(_folder.Path);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new ArticleSearcher(reader, rankedPageCacheSize: 0);
        var translator = new SimpleQueryTranslator(_analyzer);
        foreach (var (first, second) in Words.SelectMany(a => Words.Where(b => b != a).Select(b => (a, b))))
        {
            var flat = translator.Translate(SimpleQueryParser.Parse($"{first} {second}")).Query;
            // One word alone translates to its field alternatives, analyzed as the index was.
            var nested = new BooleanQuery
            {
                { translator.Translate(SimpleQueryParser.Parse(first)).Query, Occur.SHOULD },
                { translator.Translate(SimpleQueryParser.Parse(second)).Query, Occur.SHOULD },
            };

            var expected = Top(searcher, nested, scoredInOrder: true);
            var actual = Top(searcher, flat, scoredInOrder: false);

            Assert.Equal(expected.Select(hit => hit.Doc), actual.Select(hit => hit.Doc));
            Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First.Score, pair.Second.Score, 1e-6f));
        }
    }

    private static ScoreDoc[] Top(IndexSearcher searcher, Query query, bool scoredInOrder)
    {
        var collector = TopFieldCollector.Create(SortOrder.ByRelevance, 20, fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: scoredInOrder);
        searcher.Search(query, collector);
        return collector.GetTopDocs().ScoreDocs;
    }
}
