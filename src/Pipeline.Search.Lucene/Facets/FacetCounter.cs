using Lucene.Net.Index;
using Lucene.Net.Search;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Facets;

namespace Pipeline.Search.Lucene.Facets;

/// <summary>
/// Counts the requested facets over every document the search matches, from doc values (the Lucene.Net.Facet package
/// is not available here). Run it next to the top-hits collector, so one pass over the matches serves both.
/// </summary>
internal sealed class FacetCounter : ICollector
{
    private const string Parameter = "facet";

    private readonly IReadOnlyList<(string Field, FacetAccumulator Accumulator)> _facets;

    private FacetCounter(IReadOnlyList<(string, FacetAccumulator)> facets) => _facets = facets;

    public bool AcceptsDocsOutOfOrder => true;

    /// <summary>Validates the requests and prepares one accumulator per facet.</summary>
    public static FacetCounter For(IReadOnlyList<FacetRequest> requests)
    {
        var facets = new List<(string, FacetAccumulator)>(requests.Count);
        foreach (var request in requests)
        {
            if (facets.Any(facet => facet.Item1 == request.Field))
            {
                throw new InvalidSearchRequestException(Parameter, $"'{request.Field}' is faceted twice; ask for each field once.");
            }

            facets.Add((request.Field, Create(request)));
        }

        return new FacetCounter(facets);
    }

    public IReadOnlyDictionary<string, IReadOnlyList<FacetBucket>> Buckets() =>
        _facets.ToDictionary(facet => facet.Field, facet => facet.Accumulator.Buckets(), StringComparer.Ordinal);

    public void SetScorer(Scorer scorer)
    {
        // Counting needs no scores.
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        foreach (var (_, accumulator) in _facets)
        {
            accumulator.SetNextReader(context.AtomicReader);
        }
    }

    public void Collect(int doc)
    {
        foreach (var (_, accumulator) in _facets)
        {
            accumulator.Collect(doc);
        }
    }

    private static FacetAccumulator Create(FacetRequest request)
    {
        if (!ArticleFieldNames.Facetable.Contains(request.Field))
        {
            throw new InvalidSearchRequestException(Parameter, $"'{request.Field}' cannot be faceted; facetable fields are {string.Join(", ", ArticleFieldNames.Facetable)}.");
        }

        var isPublished = request.Field == ArticleFieldNames.Published;
        if (!isPublished && (request.Interval is not null || request.Boundaries is not null))
        {
            throw new InvalidSearchRequestException(Parameter, $"Intervals and ranges apply to dates; '{request.Field}' is counted by value.");
        }

        if (request.Interval is not null && request.Boundaries is not null)
        {
            throw new InvalidSearchRequestException(Parameter, $"A facet on '{request.Field}' takes an interval or range boundaries, not both.");
        }

        if (request.Count < 1)
        {
            throw new InvalidSearchRequestException(Parameter, $"The count of the '{request.Field}' facet must be at least 1.");
        }

        var count = Math.Min(request.Count, FacetRequest.MaxCount);
        if (request.Boundaries is { } boundaries)
        {
            return PublishedRangeAccumulator.For(boundaries) ?? throw new InvalidSearchRequestException(
                Parameter, $"The '{request.Field}' facet needs at least one range boundary, in ascending order, each once.");
        }

        if (request.Interval is { } interval)
        {
            return new PublishedIntervalAccumulator(interval);
        }

        return isPublished ? new PublishedValueAccumulator(count) : ValueAccumulator.For(request.Field, count);
    }
}
