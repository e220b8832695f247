using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace Pipeline.Search.Lucene.Highlighting;

/// <summary>
/// Picks the best fragments of one field of a hit and wraps the matched words in the given tags; the rest of each
/// fragment is HTML-escaped. One instance serves one query and field (the scorer is stateful), on one thread.
/// </summary>
internal sealed partial class SnippetHighlighter
{
    public const string DefaultPreTag = "<em>";
    public const string DefaultPostTag = "</em>";

    /// <summary>About two lines of a result list.</summary>
    public const int FragmentSize = 160;

    private readonly Highlighter _highlighter;
    private readonly Analyzer _analyzer;
    private readonly string _field;

    /// <param name="wholeText">Highlight the text as one fragment (a title), rather than cutting it into passages.</param>
    public SnippetHighlighter(Query query, Analyzer analyzer, string field, string preTag = DefaultPreTag, string postTag = DefaultPostTag, bool wholeText = false)
    {
        // Scoring against this field alone: a match elsewhere does not highlight here, as in Azure AI Search.
        var scorer = new QueryScorer(query, field);
        _highlighter = new Highlighter(new SimpleHTMLFormatter(preTag, postTag), new HtmlSnippetEncoder(), scorer)
        {
            TextFragmenter = wholeText ? new NullFragmenter() : new SimpleSpanFragmenter(scorer, FragmentSize),
        };
        _analyzer = analyzer;
        _field = field;
    }

    /// <param name="termVectorReader">
    /// The reader to take the field's term vector from, when it stores positions and offsets (the body does), so long
    /// texts are not analyzed again; null to analyze <paramref name="text"/>.
    /// </param>
    /// <returns>The best fragments, best first; empty when the text has no match.</returns>
    public IReadOnlyList<string> Fragments(string? text, int maxFragments, IndexReader? termVectorReader = null, int docId = -1)
    {
        if (string.IsNullOrEmpty(text) || maxFragments <= 0)
        {
            return [];
        }

        try
        {
            using var tokens = termVectorReader is null
                ? _analyzer.GetTokenStream(_field, text)
                : (TokenStream?)TermVectorTokenStream.Create(termVectorReader, docId, _field)
                    ?? TokenSources.GetAnyTokenStream(termVectorReader, docId, _field, _analyzer);
            return _highlighter.GetBestFragments(tokens, text, maxFragments)
                .Where(fragment => !string.IsNullOrWhiteSpace(fragment))
                .Select(fragment => WhiteSpace().Replace(fragment, " ").Trim())
                .ToList();
        }
        catch (InvalidTokenOffsetsException)
        {
            // Offsets that do not fit the stored text mean a fragment cannot be cut safely; the hit is still valid.
            return [];
        }
    }

    // Paragraph breaks inside a fragment read as a single space in a result list.
    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
