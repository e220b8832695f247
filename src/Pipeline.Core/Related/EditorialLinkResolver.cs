using System.Text;
using Microsoft.Extensions.Options;
using Pipeline.Core.Articles;
using Pipeline.Core.Enrichment;
using Pipeline.Core.Search;

namespace Pipeline.Core.Related;

/// <summary>
/// Finds the indexed article each of an article's editorial headlines ("KEEP READING", "Related") names: the index is
/// searched for the headline's words in titles, and of the few best titles the closest match wins, exact before
/// normalized before fuzzy (<see cref="HeadlineMatcher"/>). Headlines that match no title stay listed as text.
/// </summary>
/// <remarks>
/// <para>
/// Resolution runs on every request and nothing of it is stored, so a story that is indexed after the article that
/// links to it is found by the next request, and one that is deleted stops being linked; there is nothing to
/// re-resolve or keep in step. It costs one title query per headline, which pages hold only a handful of.
/// </para>
/// <para>
/// An article never resolves to itself, even when one of its headlines repeats its own title. The link's URL is
/// not used: the public search fields hold no canonical URL to look it up by, and comparing it with each candidate
/// would mean loading every candidate article. Sources rarely give one anyway (plain text pages have none).
/// </para>
/// </remarks>
public sealed class EditorialLinkResolver
{
    /// <summary>More words than any headline has; past it a "headline" is a paragraph and its first words do.</summary>
    private const int MaxQueryWords = 32;

    private static readonly IReadOnlyList<string> TitleOnly = [ArticleFieldNames.Title];

    private readonly IArticleIndex _index;
    private readonly RelatedArticlesOptions _options;

    public EditorialLinkResolver(IArticleIndex index, IOptions<RelatedArticlesOptions> options)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(options);
        _index = index;
        _options = options.Value;
    }

    /// <returns>One link per editorial headline of <paramref name="article"/>, in its order.</returns>
    public async Task<IReadOnlyList<EditorialLink>> ResolveAsync(Article article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (article.Related.Count == 0)
        {
            return [];
        }

        // Each headline is its own query; with a remote index they overlap instead of queueing.
        return await Task.WhenAll(article.Related.Select(link => ResolveAsync(link, article, cancellationToken)));
    }

    private async Task<EditorialLink> ResolveAsync(RelatedLink link, Article article, CancellationToken cancellationToken)
    {
        var query = TitleQuery(link.Title);
        if (query.Length == 0)
        {
            return EditorialLink.Unresolved(link);
        }

        var request = new SearchRequest(query, _options.TitleCandidates)
        {
            SearchFields = TitleOnly,
            SearchMode = SearchMode.Any,
            IncludeTotalCount = false,
        };
        var results = await _index.SearchAsync(request, cancellationToken);

        var matcher = new HeadlineMatcher(link.Title, article.Language, _options.FuzzyTitleThreshold);
        TitleMatch? best = null;
        string? bestId = null;
        foreach (var hit in results.Hits)
        {
            if (hit.Id == article.Id)
            {
                continue;
            }

            // Strictly better only: between equal matches the index's ranking decides.
            if (matcher.Match(hit.Title) is { } match && (best is null || match.Confidence > best.Value.Confidence))
            {
                best = match;
                bestId = hit.Id;
            }
        }

        return best is { } found
            ? new EditorialLink(link.Title, link.Url, bestId, found.Confidence) { Match = found.Kind }
            : EditorialLink.Unresolved(link);
    }

    /// <summary>
    /// The headline's words as simple query syntax: words only, so a headline's quotes, leading dashes or asterisks
    /// cannot turn into phrases, exclusions or prefixes. The words keep their case and accents; the index's analyzer
    /// treats them as it treated the titles.
    /// </summary>
    private static string TitleQuery(string headline)
    {
        var query = new StringBuilder();
        var words = 0;
        var scanner = new WordScanner(headline);
        while (words < MaxQueryWords && scanner.MoveNext())
        {
            if (words++ > 0)
            {
                query.Append(' ');
            }

            query.Append(scanner.Current);
        }

        return query.ToString();
    }
}
