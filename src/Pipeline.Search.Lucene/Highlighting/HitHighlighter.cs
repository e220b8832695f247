using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Pipeline.Core.Search;
using Pipeline.Search.Lucene.Indexing;

namespace Pipeline.Search.Lucene.Highlighting;

/// <summary>
/// The highlighted text of one search's hits: fragments of the fields the request asked for, with its tags, and when
/// the body is one of them, the snippet as a body passage with &lt;em&gt; tags (<see cref="SearchSnippets"/>). The body
/// is loaded once per hit for both.
/// </summary>
internal sealed class HitHighlighter
{
    /// <summary>As many body fragments per hit as Azure AI Search returns by default.</summary>
    public const int MaxBodyFragments = 5;

    private const string Parameter = "highlight";
    private static readonly ISet<string> BodyOnly = new HashSet<string> { IndexFieldNames.Body };

    private readonly SnippetHighlighter? _snippet;
    private readonly SnippetHighlighter? _title;
    private readonly SnippetHighlighter? _body;

    private HitHighlighter(SnippetHighlighter? snippet, SnippetHighlighter? title, SnippetHighlighter? body)
    {
        _snippet = snippet;
        _title = title;
        _body = body;
    }

    public bool HighlightsRequested => _title is not null || _body is not null;

    /// <summary>Checks the requested fields; throws <see cref="InvalidSearchRequestException"/> for one that cannot be highlighted.</summary>
    public static void Validate(HighlightRequest? request)
    {
        foreach (var field in request?.Fields ?? [])
        {
            if (!ArticleFieldNames.Highlightable.Contains(field))
            {
                throw new InvalidSearchRequestException(
                    Parameter, $"'{field}' cannot be highlighted; highlightable fields are {string.Join(", ", ArticleFieldNames.Highlightable)}.");
            }
        }
    }

    /// <param name="bodySearched">Whether the query searches the body; when not, no hit has a body passage for a snippet.</param>
    public static HitHighlighter Create(Query query, Analyzer analyzer, HighlightRequest request, bool bodySearched = true)
    {
        var fields = request.Fields;
        return new HitHighlighter(
            bodySearched && SearchSnippets.AreBodyPassages(request) ? new SnippetHighlighter(query, analyzer, IndexFieldNames.Body) : null,
            fields.Contains(ArticleFieldNames.Title)
                ? new SnippetHighlighter(query, analyzer, IndexFieldNames.Title, request.PreTag, request.PostTag, wholeText: true)
                : null,
            fields.Contains(ArticleFieldNames.Body)
                ? new SnippetHighlighter(query, analyzer, IndexFieldNames.Body, request.PreTag, request.PostTag)
                : null);
    }

    /// <returns>
    /// The body passage for the snippet (null when not asked for or the body has no match) and the requested highlights.
    /// </returns>
    public (string? Snippet, IReadOnlyDictionary<string, IReadOnlyList<string>>? Highlights) Highlight(IndexSearcher searcher, int docId, string title)
    {
        // The stored body is loaded only when something is to be cut from it.
        var body = _snippet is null && _body is null ? null : searcher.Doc(docId, BodyOnly).Get(IndexFieldNames.Body);
        var snippet = _snippet?.Fragments(body, 1, searcher.IndexReader, docId).FirstOrDefault();
        if (!HighlightsRequested)
        {
            return (snippet, null);
        }

        // Fields without a match are left out, as Azure AI Search does.
        var highlights = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (_title?.Fragments(title, 1) is { Count: > 0 } titleFragments)
        {
            highlights[ArticleFieldNames.Title] = titleFragments;
        }

        if (_body?.Fragments(body, MaxBodyFragments, searcher.IndexReader, docId) is { Count: > 0 } bodyFragments)
        {
            highlights[ArticleFieldNames.Body] = bodyFragments;
        }

        return (snippet, highlights);
    }
}
