using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Suggestions;
using Pipeline.Search.Lucene.Filtering;
using Pipeline.Search.Lucene.Indexing;
using Pipeline.Search.Lucene.Querying;

namespace Pipeline.Search.Lucene.Suggestions;

/// <summary>
/// Suggests titles for what a user is typing: every finished word must be in the title and the word being typed must
/// start one of its words. Matching uses the indexed title words and their leading parts, and titles come from doc
/// values, so no stored field is loaded.
/// </summary>
internal sealed class TitleSuggester : IDisposable
{
    /// <summary>Words shorter than this are never matched fuzzily: one edit turns a two-letter word into almost any other.</summary>
    private const int MinFuzzyLength = 3;

    private readonly TitleWordAnalyzer _words = new(prefixes: false);

    public IReadOnlyList<Suggestion> Suggest(IndexSearcher searcher, SuggestRequest request)
    {
        var filter = request.Filter is null ? null : new QueryWrapperFilter(FilterTranslator.Translate(request.Filter));
        var top = Math.Clamp(request.Top, 0, SuggestRequest.MaxTop);
        var input = request.Text ?? string.Empty;
        var typed = Analyze(input);
        if (top == 0 || typed.Count == 0)
        {
            return [];
        }

        // The last word is still being typed unless something (a space, punctuation) follows it.
        var lastIsPartial = typed[^1].End == input.Length;
        var words = typed.Select(token => token.Text).ToList();
        var matcher = new WordMatcher(words, lastIsPartial, request.Fuzzy);
        var docs = searcher.Search(matcher.Query(), filter, top, SortOrder.ByRelevance).ScoreDocs;

        return docs.Select(doc =>
        {
            var values = HitValues.Read(searcher.IndexReader, doc.Doc);
            var title = values.Summary.Title;
            return new Suggestion(values.Id, title, Mark(title, matcher, request.PreTag, request.PostTag));
        }).ToList();
    }

    public void Dispose() => _words.Dispose();

    /// <summary>The title with each matched word between the tags and everything else HTML-escaped.</summary>
    private string Mark(string title, WordMatcher matcher, string preTag, string postTag)
    {
        var text = new StringBuilder(title.Length + 32);
        var position = 0;
        foreach (var token in Analyze(title))
        {
            if (!matcher.Matches(token.Text))
            {
                continue;
            }

            text.Append(HtmlText.Encode(title.AsSpan(position, token.Start - position)))
                .Append(preTag)
                .Append(HtmlText.Encode(title.AsSpan(token.Start, token.End - token.Start)))
                .Append(postTag);
            position = token.End;
        }

        return text.Append(HtmlText.Encode(title.AsSpan(position))).ToString();
    }

    private List<(string Text, int Start, int End)> Analyze(string text)
    {
        var tokens = new List<(string, int, int)>();
        using var stream = _words.GetTokenStream(IndexFieldNames.TitleWords, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offsets = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), offsets.StartOffset, offsets.EndOffset));
        }

        stream.End();
        return tokens;
    }

    /// <summary>What the typed words ask of a title, as a query and as a test of a single title word.</summary>
    private sealed class WordMatcher(IReadOnlyList<string> words, bool lastIsPartial, bool fuzzy)
    {
        private IEnumerable<string> Finished => lastIsPartial ? words.Take(words.Count - 1) : words;

        private string? Partial => lastIsPartial ? words[^1] : null;

        public Query Query()
        {
            var query = new BooleanQuery();
            foreach (var word in Finished)
            {
                query.Add(IsFuzzy(word) ? new FuzzyQuery(new Term(IndexFieldNames.TitleWords, word), 1) : new TermQuery(new Term(IndexFieldNames.TitleWords, word)), Occur.MUST);
            }

            if (Partial is { } partial)
            {
                query.Add(PrefixQuery(partial), Occur.MUST);
            }

            return query;
        }

        public bool Matches(string titleWord) =>
            Finished.Any(word => word == titleWord || (IsFuzzy(word) && EditDistance.AtMostOne(word, titleWord))) ||
            (Partial is { } partial && StartsWith(titleWord, partial));

        private Query PrefixQuery(string partial)
        {
            if (partial.Length > TitleWordAnalyzer.MaxIndexedPrefixLength)
            {
                return new PrefixQuery(new Term(IndexFieldNames.TitleWords, partial));
            }

            var term = new Term(IndexFieldNames.TitlePrefixes, partial);
            return IsFuzzy(partial) ? new FuzzyQuery(term, 1) : new TermQuery(term);
        }

        // A fuzzy partial word matches a title word one of whose leading parts is within one edit of it.
        private bool StartsWith(string titleWord, string partial)
        {
            if (titleWord.StartsWith(partial, StringComparison.Ordinal))
            {
                return true;
            }

            if (!IsFuzzy(partial))
            {
                return false;
            }

            for (var length = partial.Length - 1; length <= partial.Length + 1; length++)
            {
                if (length > 0 && length <= titleWord.Length && EditDistance.AtMostOne(partial, titleWord[..length]))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsFuzzy(string word) => fuzzy && word.Length >= MinFuzzyLength;
    }
}
