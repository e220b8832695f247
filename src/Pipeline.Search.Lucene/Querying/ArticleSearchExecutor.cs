using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Querying;
using Pipeline.Search.Lucene.Highlighting;
using Pipeline.Search.Lucene.Indexing;

namespace Pipeline.Search.Lucene.Querying;

/// <summary>Runs a <see cref="SearchRequest"/> against one searcher: parse, translate, rank, page, describe the hits.</summary>
internal sealed class ArticleSearchExecutor(Analyzer analyzer)
{
    /// <summary>Hits of a match-all query are not ranked; every one gets this score.</summary>
    public const double UnrankedScore = 1.0;

    // Ties are broken by id so that paging through equal scores neither repeats nor skips a hit.
    private static readonly Sort ByRelevance = new(SortField.FIELD_SCORE, new SortField(ArticleFields.Id, SortFieldType.STRING));

    private static readonly Sort NewestFirst = new(
        new SortField(ArticleFields.Published, SortFieldType.INT64, reverse: true),
        new SortField(ArticleFields.Id, SortFieldType.STRING));

    private readonly SimpleQueryTranslator _translator = new(analyzer);

    public SearchResults Search(IndexSearcher searcher, SearchRequest request)
    {
        var translated = _translator.Translate(SimpleQueryParser.Parse(request.Query));
        var top = Math.Clamp(request.Top, 0, SearchRequest.MaxTop);
        var skip = Math.Max(0, request.Skip);

        // Lucene collects skip + top hits to return the last top of them; the window never needs to exceed the index.
        var window = (int)Math.Clamp((long)skip + top, 1, Math.Max(1, searcher.IndexReader.MaxDoc));
        var sort = translated.IsMatchAll ? NewestFirst : ByRelevance;
        var docs = searcher.Search(translated.Query, filter: null, window, sort, doDocScores: !translated.IsMatchAll, doMaxScore: false);

        var page = docs.ScoreDocs.Skip(skip).Take(top).ToList();
        if (page.Count == 0)
        {
            return new SearchResults(docs.TotalHits, []);
        }

        var highlighter = translated.IsMatchAll ? null : new SnippetHighlighter(translated.Query, analyzer);
        var hits = new List<SearchHit>(page.Count);
        foreach (var scoreDoc in page)
        {
            var values = HitValues.Read(searcher.IndexReader, scoreDoc.Doc);
            hits.Add(new SearchHit(
                values.Id,
                values.Summary.Title,
                translated.IsMatchAll ? UnrankedScore : scoreDoc.Score,
                values.Summary.Authors,
                values.Published,
                highlighter?.Highlight(searcher, scoreDoc.Doc)));
        }

        return new SearchResults(docs.TotalHits, hits);
    }
}
