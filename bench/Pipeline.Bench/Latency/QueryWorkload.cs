using Pipeline.Core.Enrichment;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Facets;
using Pipeline.Core.Search.Filtering;

namespace Pipeline.Bench.Latency;

/// <summary>
/// The requests the latency command times, drawn deterministically: query words from the corpus's headlines (one to
/// three, as people type), filters on tags, language and publication date, the facets a result page shows, and ids
/// of indexed articles for related links.
/// </summary>
internal sealed class QueryWorkload
{
    private readonly List<string> _words;
    private readonly Random _random = new(20261125);
    private readonly int _articleCount;

    public QueryWorkload(IEnumerable<string> titles, int articleCount)
    {
        _words = titles
            .SelectMany(t => t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant())
            .Where(w => w.Length >= 3 && !StopWords.EnglishWords.Contains(w))
            .ToList();
        _articleCount = articleCount;
    }

    /// <summary>The facets of a result page: top tags, languages, and articles per month.</summary>
    public static IReadOnlyList<FacetRequest> ResultPageFacets { get; } =
    [
        new(ArticleFieldNames.Tags, Count: 10),
        new(ArticleFieldNames.Language, Count: 5),
        new(ArticleFieldNames.Published, Interval: DateInterval.Month),
    ];

    public string NextQueryText()
    {
        var count = 1 + _random.Next(3);
        return string.Join(' ', Enumerable.Range(0, count).Select(_ => _words[_random.Next(_words.Count)]));
    }

    public SearchRequest NextSimple() => new(NextQueryText());

    /// <summary>A query restricted to one tag, one language and a publication window, with the result-page facets.</summary>
    public SearchRequest NextFilteredAndFaceted()
    {
        var category = SyntheticArticles.TopicTags.Keys.ElementAt(_random.Next(SyntheticArticles.TopicTags.Count));
        var tags = SyntheticArticles.TopicTags[category];
        var tag = _random.Next(2) == 0 ? category : tags[_random.Next(tags.Length)];
        var from = SyntheticArticles.FirstPublished.AddDays(_random.Next(SyntheticArticles.PublishedDays / 2));
        FilterExpression filter = new AndFilter(
            new AnyFilter(ArticleFieldNames.Tags, new ComparisonFilter(ArticleFieldNames.Tags, ComparisonOperator.Eq, tag)),
            new AndFilter(
                new ComparisonFilter(ArticleFieldNames.Language, ComparisonOperator.Eq, "en"),
                new ComparisonFilter(ArticleFieldNames.Published, ComparisonOperator.Ge, from)));
        return new SearchRequest(NextQueryText()) { Filter = filter, Facets = ResultPageFacets };
    }

    public string NextArticleId() => SyntheticArticles.IdOf(_random.Next(_articleCount));
}
