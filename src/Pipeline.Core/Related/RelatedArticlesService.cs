using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pipeline.Core.Articles;
using Pipeline.Core.Enrichment;
using Pipeline.Core.Search;

namespace Pipeline.Core.Related;

/// <summary>
/// Assembles an article's related links: its editorial headlines resolved to indexed articles
/// (<see cref="EditorialLinkResolver"/>), and the articles most like it in content, each with why.
/// </summary>
/// <remarks>
/// Similar articles come from the index's more-like-this search. Left out are the article itself and other versions
/// of it, the same story uploaded twice, retitled or lightly edited: a reader gains nothing from them. A version is
/// a candidate whose body fingerprint is within <see cref="RelatedArticlesOptions.NearDuplicateMaxDistance"/> bits of
/// the article's, or whose title reads the same; later candidates that are versions of an earlier one go too. The
/// "why" of each (<see cref="SimilarArticle.SharedTerms"/>) is the keyphrases both articles share, or, when they
/// share none, the distinctive terms of the article that the backend found in the candidate.
/// </remarks>
public sealed partial class RelatedArticlesService
{
    public const int DefaultSimilarCount = 5;

    private readonly IArticleIndex _index;
    private readonly EditorialLinkResolver _editorialLinks;
    private readonly RelatedArticlesOptions _options;
    private readonly ILogger<RelatedArticlesService> _logger;

    public RelatedArticlesService(
        IArticleIndex index,
        EditorialLinkResolver editorialLinks,
        IOptions<RelatedArticlesOptions> options,
        ILogger<RelatedArticlesService> logger)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(editorialLinks);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _index = index;
        _editorialLinks = editorialLinks;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>A service with default options, for tools and tests that do not use dependency injection.</summary>
    public RelatedArticlesService(IArticleIndex index)
        : this(index, new EditorialLinkResolver(index, Options.Create(new RelatedArticlesOptions())), Options.Create(new RelatedArticlesOptions()), NullLogger<RelatedArticlesService>.Instance)
    {
    }

    /// <param name="similarCount">How many similar articles to return at most; 0 for none.</param>
    /// <returns>The related links, or null when the article is not indexed.</returns>
    public async Task<RelatedArticles?> GetAsync(string id, int similarCount = DefaultSimilarCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentOutOfRangeException.ThrowIfNegative(similarCount);
        var article = await _index.GetAsync(id, cancellationToken);
        if (article is null)
        {
            return null;
        }

        var editorial = await _editorialLinks.ResolveAsync(article, cancellationToken);
        var similar = await FindSimilarAsync(article, similarCount, cancellationToken);
        LogAssembled(id, editorial.Count(link => link.ArticleId is not null), editorial.Count, similar.Count);
        return new RelatedArticles(id, editorial, similar);
    }

    private async Task<IReadOnlyList<SimilarArticle>> FindSimilarAsync(Article article, int top, CancellationToken cancellationToken)
    {
        if (top == 0)
        {
            return [];
        }

        var wanted = Math.Min(top + _options.SimilarCandidateMargin, SearchRequest.MaxTop);
        var candidates = await _index.FindSimilarAsync(article.Id, wanted, cancellationToken);
        var kept = new List<SimilarArticle>(top);
        var stories = new List<StoryIdentity> { new(HeadlineText.Normalized(article.Title), article.Fingerprint) };
        foreach (var candidate in candidates)
        {
            if (kept.Count == top)
            {
                break;
            }

            if (candidate.Id == article.Id)
            {
                continue;
            }

            var described = await DescribeAsync(candidate, cancellationToken);
            var identity = new StoryIdentity(HeadlineText.Normalized(described.Title), described.Fingerprint);
            if (stories.Any(story => story.IsSameStoryAs(identity, _options.NearDuplicateMaxDistance)))
            {
                LogVersionLeftOut(article.Id, candidate.Id);
                continue;
            }

            stories.Add(identity);
            var sharedKeyphrases = SharedKeyphrases.Between(article.Keyphrases, described.Keyphrases, article.Language);
            kept.Add(described with { SharedTerms = sharedKeyphrases.Count > 0 ? sharedKeyphrases : described.SharedTerms });
        }

        return kept;
    }

    /// <summary>
    /// The candidate with its keyphrases and fingerprint. Backends return them with each candidate; one that does not
    /// (an index written before they were stored) costs a lookup of the article, so the results stay right.
    /// </summary>
    private async Task<SimilarArticle> DescribeAsync(SimilarArticle candidate, CancellationToken cancellationToken)
    {
        if (candidate.Fingerprint is not null)
        {
            return candidate;
        }

        var article = await _index.GetAsync(candidate.Id, cancellationToken);
        return article is null
            ? candidate
            : candidate with { Keyphrases = article.Keyphrases, Fingerprint = article.Fingerprint };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Related links of {Id}: {Resolved} of {Editorial} editorial headlines resolved, {Similar} similar articles")]
    private partial void LogAssembled(string id, int resolved, int editorial, int similar);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Similar article {CandidateId} left out as a version of a story already listed for {Id}")]
    private partial void LogVersionLeftOut(string id, string candidateId);

    /// <summary>What tells two stories apart: the title as a reader reads it, and the body's SimHash.</summary>
    private readonly record struct StoryIdentity(string Title, string? Fingerprint)
    {
        public bool IsSameStoryAs(StoryIdentity other, int maxDistance) =>
            (Title.Length > 0 && Title == other.Title)
            || (IsComparable(Fingerprint) && IsComparable(other.Fingerprint)
                && NearDuplicate.IsNearDuplicate(Fingerprint!, other.Fingerprint!, maxDistance));

        // A body without words has the empty fingerprint; two empty bodies are not the same story. A malformed one
        // (not 16 hex digits) says nothing either.
        private static bool IsComparable(string? fingerprint) =>
            fingerprint is { Length: 16 } && fingerprint != ContentFingerprint.Empty && fingerprint.All(char.IsAsciiHexDigit);
    }
}
