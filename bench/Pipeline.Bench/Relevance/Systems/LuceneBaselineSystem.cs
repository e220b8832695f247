using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Pipeline.Bench.Relevance.Collections;

namespace Pipeline.Bench.Relevance.Systems;

/// <summary>
/// Plain Lucene defaults, the baseline: one field holding title and body, <see cref="StandardAnalyzer"/> (lowercase and
/// Lucene's English stop words, no stemming), <see cref="BM25Similarity"/> with k1 = 1.2 and b = 0.75, and the classic
/// query parser (OR between words) over the escaped query text.
/// </summary>
internal sealed class LuceneBaselineSystem : IRankingSystem
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string TextField = "text";
    private const string IdField = "id";

    private readonly StandardAnalyzer _analyzer = new(Version);
    private readonly RAMDirectory _directory = new();
    private readonly BM25Similarity _similarity = new();
    private DirectoryReader? _reader;
    private IndexSearcher? _searcher;

    public string Name => "Lucene BM25 defaults";

    public Task IndexAsync(IReadOnlyList<CollectionDocument> documents, CancellationToken cancellationToken)
    {
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { Similarity = _similarity }))
        {
            foreach (var document in documents)
            {
                cancellationToken.ThrowIfCancellationRequested();
                writer.AddDocument(new Document
                {
                    new StoredField(IdField, document.Id),
                    new TextField(TextField, (document.Title + "\n" + document.Body).Trim(), Field.Store.NO),
                });
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = _similarity };
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<int>> SearchAsync(string queryText, int top, CancellationToken cancellationToken)
    {
        var searcher = _searcher ?? throw new InvalidOperationException("Index the collection first.");
        var parser = new QueryParser(Version, TextField, _analyzer);
        // Lower-cased first: the analyzer lower-cases anyway, and upper-case AND, OR, NOT (TIME is all capitals) would be operators.
        var query = parser.Parse(QueryParserBase.Escape(queryText.ToLowerInvariant()));
        var hits = searcher.Search(query, top).ScoreDocs;
        IReadOnlyList<int> ids = hits.Select(hit => searcher.Doc(hit.Doc).GetField(IdField).GetInt32Value()!.Value).ToList();
        return Task.FromResult(ids);
    }

    public ValueTask DisposeAsync()
    {
        _reader?.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
        return ValueTask.CompletedTask;
    }
}
