using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Pipeline.Bench.Latency;

/// <summary>
/// The ceiling for a simple query: plain Lucene on the same index folder, the query words analyzed by Lucene's
/// EnglishAnalyzer into a BM25 OR-query over title and body, top 10 ids read from doc values. No snippets, no summary,
/// no sort tie-break: what a search costs before Pipeline adds anything to it.
/// </summary>
internal sealed class PlainBm25Ceiling : IDisposable
{
    private static readonly string[] Fields = ["title", "body"];

    private readonly Lucene.Net.Store.Directory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly EnglishAnalyzer _analyzer = new(LuceneVersion.LUCENE_48);

    public PlainBm25Ceiling(string indexPath)
    {
        _directory = FSDirectory.Open(indexPath);
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    /// <returns>The ids of the top 10 hits.</returns>
    public List<string> Search(string text)
    {
        var query = new BooleanQuery();
        foreach (var word in Analyze(text))
        {
            foreach (var field in Fields)
            {
                query.Add(new TermQuery(new Term(field, word)), Occur.SHOULD);
            }
        }

        var ids = new List<string>(10);
        var bytes = new BytesRef();
        foreach (var hit in _searcher.Search(query, 10).ScoreDocs)
        {
            var leaf = _reader.Leaves[ReaderUtil.SubIndex(hit.Doc, _reader.Leaves)];
            leaf.AtomicReader.GetSortedDocValues("id").Get(hit.Doc - leaf.DocBase, bytes);
            ids.Add(bytes.Utf8ToString());
        }

        return ids;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    private List<string> Analyze(string text)
    {
        var words = new List<string>();
        using var tokens = _analyzer.GetTokenStream("body", text);
        var term = tokens.AddAttribute<ICharTermAttribute>();
        tokens.Reset();
        while (tokens.IncrementToken())
        {
            words.Add(term.ToString());
        }

        tokens.End();
        return words;
    }
}
