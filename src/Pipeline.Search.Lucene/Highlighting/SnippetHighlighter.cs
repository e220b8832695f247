using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Pipeline.Search.Lucene.Indexing;

namespace Pipeline.Search.Lucene.Highlighting;

/// <summary>
/// Picks the best short fragment of a hit's body and wraps the matched words in <c>&lt;em&gt;</c>; the rest of the
/// fragment is HTML-escaped. One instance serves one query (the scorer is stateful), on one thread.
/// </summary>
internal sealed partial class SnippetHighlighter
{
    public const string PreTag = "<em>";
    public const string PostTag = "</em>";

    /// <summary>About two lines of a result list.</summary>
    public const int FragmentSize = 160;

    private static readonly ISet<string> BodyOnly = new HashSet<string> { ArticleFields.Body };

    private readonly Highlighter _highlighter;
    private readonly Analyzer _analyzer;

    public SnippetHighlighter(Query query, Analyzer analyzer)
    {
        // Scoring against the body alone: a title-only match has no body snippet, as in Azure AI Search.
        var scorer = new QueryScorer(query, ArticleFields.Body);
        _highlighter = new Highlighter(new SimpleHTMLFormatter(PreTag, PostTag), new HtmlSnippetEncoder(), scorer)
        {
            TextFragmenter = new SimpleSpanFragmenter(scorer, FragmentSize),
        };
        _analyzer = analyzer;
    }

    /// <returns>The fragment, or null when the body has no match.</returns>
    public string? Highlight(IndexSearcher searcher, int docId)
    {
        var body = searcher.Doc(docId, BodyOnly).Get(ArticleFields.Body);
        if (string.IsNullOrEmpty(body))
        {
            return null;
        }

        try
        {
            // Uses the stored term vector when there is one, so long bodies are not analyzed again.
            using var tokens = TokenSources.GetAnyTokenStream(searcher.IndexReader, docId, ArticleFields.Body, _analyzer);
            var fragment = _highlighter.GetBestFragment(tokens, body);
            return string.IsNullOrWhiteSpace(fragment) ? null : WhiteSpace().Replace(fragment, " ").Trim();
        }
        catch (InvalidTokenOffsetsException)
        {
            // Offsets that do not fit the stored text mean a snippet cannot be cut safely; the hit is still valid.
            return null;
        }
    }

    // Paragraph breaks inside a fragment read as a single space in a result list.
    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
