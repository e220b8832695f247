using System.CommandLine;
using System.Text;
using System.Text.Json;
using Pipeline.Api;
using Pipeline.Cli.Query;
using Pipeline.Core.Articles;

namespace Pipeline.Cli.Upload;

/// <summary>
/// Asks the pipeline API whether a search finds an article: its title as a phrase, in titles, the article's id among
/// the hits. The API answers from the same searcher the page and every client use, so "found" here is found for them.
/// </summary>
internal sealed class ApiSearchableCheck(ApiConnection api, ParseResult parsed) : ISearchableCheck
{
    // Enough hits that a title shared with other articles still finds this one; a query's length is limited.
    private const int Top = 100;
    private const int MaxTitleWords = 24;

    public async Task<bool> IsSearchableAsync(Article article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        var phrase = Phrase(article.Title);
        if (phrase.Length > 0)
        {
            var query = $"{ApiRoutes.Search}?q={Uri.EscapeDataString(phrase)}&searchFields=title&select=id&top={Top}&count=false";
            using var results = await api.GetAsync(parsed, query, cancellationToken);
            if (results is not null && results.RootElement.TryGetProperty("value", out var hits) && hits.GetArrayLength() > 0)
            {
                return hits.EnumerateArray().Any(hit => hit.TryGetProperty("id", out var id) && id.GetString() == article.Id);
            }
        }

        // A title no search can match (no words left once stop words are dropped): the article by id is the best
        // answer there is, and it is only served once indexed.
        using var stored = await api.GetAsync(parsed, $"articles/{Uri.EscapeDataString(article.Id)}", cancellationToken);
        return stored is not null;
    }

    /// <summary>The title's words as one simple-syntax phrase, without characters that would end it.</summary>
    internal static string Phrase(string title)
    {
        var words = new StringBuilder();
        var count = 0;
        foreach (var word in title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var clean = new string([.. word.Where(c => char.IsLetterOrDigit(c) || c is '\'' or '’' or '-' or '.')]).Trim('-', '.');
            if (clean.Length == 0)
            {
                continue;
            }

            words.Append(count++ == 0 ? "" : " ").Append(clean);
            if (count == MaxTitleWords)
            {
                break;
            }
        }

        return words.Length == 0 ? string.Empty : $"\"{words}\"";
    }
}
