using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Facets;
using Pipeline.Core.Search.Querying;
using Pipeline.Search.Lucene.Facets;
using Pipeline.Search.Lucene.Filtering;
using Pipeline.Search.Lucene.Highlighting;
using Pipeline.Search.Lucene.Indexing;
using Pipeline.Search.Lucene.Scoring;

namespace Pipeline.Search.Lucene.Querying;

/// <summary>
/// Runs a <see cref="SearchRequest"/> against one searcher: translate the query and filter, collect the page and the
/// facet counts in one pass over the matches, and describe the hits from doc values.
/// </summary>
internal sealed class ArticleSearchExecutor(Analyzer analyzer, SegmentTermCache segmentTerms)
{
    /// <summary>Hits of a match-all query are not ranked; every one gets this score.</summary>
    public const double UnrankedScore = 1.0;

    private readonly SimpleQueryTranslator _simple = new(analyzer);
    private readonly FullQueryTranslator _full = new(analyzer);
    private readonly TermAtATimeRanker _termAtATime = new(segmentTerms);

    public SearchResults Search(IndexSearcher searcher, SearchRequest request)
    {
        // Everything a user can get wrong is checked before any work is done.
        var fields = SearchedFields(request.SearchFields);
        var translated = request.QueryType == QueryType.Full
            ? _full.Translate(request.Query, request.SearchMode, fields)
            : _simple.Translate(SimpleQueryParser.Parse(request.Query), request.SearchMode, fields);
        var filter = request.Filter is null ? null : new QueryWrapperFilter(FilterTranslator.Translate(request.Filter));
        var sort = SortOrder.For(request.OrderBy, translated.IsMatchAll);
        var facets = request.Facets.Count > 0 ? FacetCounter.For(request.Facets) : null;
        HitHighlighter.Validate(request.Highlight);

        var top = Math.Clamp(request.Top, 0, SearchRequest.MaxTop);
        var skip = Math.Max(0, request.Skip);

        // Lucene collects skip + top hits to return the last top of them; the window never needs to exceed the index.
        var window = (int)Math.Clamp((long)skip + top, 1, Math.Max(1, searcher.IndexReader.MaxDoc));
        var ranked = Rank(searcher, translated, filter, sort, (request.Facets, facets), window);

        var page = ranked.Window.Skip(skip).Take(top).ToList();
        var hits = new List<SearchHit>(page.Count);
        // Only a request for highlights reads the hits' bodies; the default snippet is the summary from doc values.
        var bodyPassages = SearchSnippets.AreBodyPassages(request.Highlight);
        // A query that does not search the body has no match in it, so there is no passage to look for.
        var bodySearched = fields.Any(field => field.Field == IndexFieldNames.Body);
        var highlighter = request.Highlight is null || translated.IsMatchAll || page.Count == 0
            ? null
            : HitHighlighter.Create(translated.Query, analyzer, request.Highlight, bodySearched);
        foreach (var scoreDoc in page)
        {
            var values = HitValues.Read(searcher.IndexReader, scoreDoc.Doc);
            var (passage, highlights) = highlighter?.Highlight(searcher, scoreDoc.Doc, values.Summary.Title) ?? (null, null);
            var snippet = bodyPassages ? passage : SearchSnippets.FromSummary(values.Summary.LeadSummary);
            hits.Add(new SearchHit(
                values.Id,
                values.Summary.Title,
                translated.IsMatchAll ? UnrankedScore : scoreDoc.Score,
                values.Summary.Authors,
                values.Published,
                snippet)
            {
                Tags = values.Summary.Tags,
                Language = values.Language,
                Source = values.Source,
                SiteName = values.SiteName,
                Format = values.Format,
                Summary = values.Summary.LeadSummary,
                // A match-all query highlights nothing, but the caller asked, so it gets an empty set rather than null.
                Highlights = request.Highlight is null ? null : highlights ?? new Dictionary<string, IReadOnlyList<string>>(),
            });
        }

        return new SearchResults(request.IncludeTotalCount ? ranked.TotalHits : null, hits)
        {
            Facets = ranked.Facets ?? new Dictionary<string, IReadOnlyList<FacetBucket>>(),
        };
    }

    /// <summary>
    /// Scores the matches into the ranked window and counts the facets in the same pass, or takes both from the
    /// searcher's cache when this reader has ranked the same request before.
    /// </summary>
    private RankedPage Rank(
        IndexSearcher searcher, TranslatedQuery translated, Filter? filter, Sort sort, (IReadOnlyList<FacetRequest> Requests, FacetCounter? Counter) facets, int window)
    {
        // With the cache off, no key is built: the facet key's formatting would be work on every search for nothing.
        var cache = (searcher as ArticleSearcher)?.RankedPages is { Capacity: > 0 } pages ? pages : null;
        var key = cache is null ? default : new RankedPageKey(translated.Query, filter, sort, FacetsKey(facets.Requests), window);
        if (cache is not null && cache.TryGet(key, out var cached))
        {
            return cached;
        }

        // Words in any field, by relevance: most searches, and the ones that match the most documents.
        if (searcher.Similarity is ArticleSimilarity similarity && sort.Equals(SortOrder.ByRelevance) && TermAtATimeRanker.TermsOf(translated.Query) is { } terms)
        {
            var termRanked = _termAtATime.Rank(searcher, similarity, translated.Query, terms, filter, facets.Counter, window);
            cache?.Add(key, termRanked);
            return termRanked;
        }

        // A disjunction of single fields (what a simple query of optional words becomes) is scored fastest by
        // BooleanScorer, a window of 2,048 documents at a time, out of order. Anything else is scored in order: for
        // nested or required clauses BooleanScorer is barely faster and allocates its window table for every segment
        // of every search, most of the garbage collector's work.
        var scoredInOrder = !IsFlatDisjunction(translated.Query);
        var topHits = TopFieldCollector.Create(
            sort, window, fillFields: false, trackDocScores: !translated.IsMatchAll, trackMaxScore: false, docsScoredInOrder: scoredInOrder);
        try
        {
            searcher.Search(translated.Query, filter, MultiCollector.Wrap(topHits, facets.Counter));
        }
        catch (BooleanQuery.TooManyClausesException ex)
        {
            throw new InvalidSearchRequestException("q", "The query expands to too many terms; make wildcard and fuzzy terms more specific.", innerException: ex);
        }

        var ranked = new RankedPage(topHits.GetTopDocs().ScoreDocs, topHits.TotalHits, facets.Counter?.Buckets());
        cache?.Add(key, ranked);
        return ranked;
    }

    private static bool IsFlatDisjunction(Query query) =>
        query is BooleanQuery boolean && boolean.Clauses.All(clause => clause.Occur != Occur.MUST && clause.Query is not BooleanQuery);

    private static string FacetsKey(IReadOnlyList<FacetRequest> facets) => facets.Count == 0
        ? string.Empty
        : string.Join('\u001e', facets.Select(facet =>
            $"{facet.Field}\u001f{facet.Count}\u001f{facet.Interval}\u001f{string.Join('\u001f', facet.Boundaries?.Select(boundary => boundary.UtcTicks) ?? [])}"));

    /// <summary>The fields to search with their boosts: all searched fields, or those the request names.</summary>
    private static IReadOnlyList<(string Field, float Boost)> SearchedFields(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return IndexFieldNames.Searched;
        }

        var fields = new List<(string Field, float Boost)>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            var field = IndexFieldNames.SearchedFieldOf(name) ?? throw new InvalidSearchRequestException(
                "searchFields", $"'{name}' cannot be searched; searchable fields are {string.Join(", ", ArticleFieldNames.Searchable)}.");
            fields.Add(IndexFieldNames.Searched.Single(searched => searched.Field == field));
        }

        return fields;
    }
}
