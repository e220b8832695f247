using Lucene.Net.Search;
using Pipeline.Core.Search.Facets;

namespace Pipeline.Search.Lucene.Querying;

/// <summary>
/// What ranking a request costs, without the hits' values: the ranked window of documents, the number of matches and
/// the facet counts. The hits are described from doc values on every request, which is cheap next to scoring.
/// </summary>
internal sealed record RankedPage(ScoreDoc[] Window, int TotalHits, IReadOnlyDictionary<string, IReadOnlyList<FacetBucket>>? Facets);

/// <summary>
/// Everything that decides a <see cref="RankedPage"/> on one reader. Lucene queries, filters and sorts compare by value,
/// so two requests that translate alike share a page however their text was spelled.
/// </summary>
internal readonly record struct RankedPageKey(Query Query, Filter? Filter, Sort Sort, string Facets, int Window);
