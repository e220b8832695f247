using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pipeline.Core.Articles;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Suggestions;
using Pipeline.Search.Lucene.Analysis;
using Pipeline.Search.Lucene.Indexing;
using Pipeline.Search.Lucene.Querying;
using Pipeline.Search.Lucene.Similar;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Pipeline.Search.Lucene;

/// <summary>
/// An on-disk Lucene.NET index of articles. One instance owns its folder: a second one, in this or another process,
/// is refused. Safe for concurrent use; every acknowledged write is committed and visible to the next read.
/// </summary>
public sealed partial class LuceneArticleIndex : IArticleIndex, IDisposable, IAsyncDisposable
{
    private static readonly ISet<string> ArticleJsonOnly = new HashSet<string> { ArticleFields.ArticleJson };

    private readonly ILogger<LuceneArticleIndex> _logger;
    private readonly IndexFolderLock _folderLock;
    private readonly Analyzer _analyzer;
    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly ArticleSearchExecutor _search;
    private readonly SimilarArticleFinder _similar;

    // Writes are serialized so that a delete can tell whether it removed something, and each commit covers one write.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private int _disposed;

    public LuceneArticleIndex(IOptions<LuceneIndexOptions> options, ILogger<LuceneArticleIndex>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger ?? NullLogger<LuceneArticleIndex>.Instance;
        IndexPath = Path.GetFullPath(options.Value.IndexPath);
        System.IO.Directory.CreateDirectory(IndexPath);

        _folderLock = IndexFolderLock.Acquire(IndexPath);
        try
        {
            _analyzer = new ArticleAnalyzer();
            _directory = FSDirectory.Open(IndexPath);
            _writer = new IndexWriter(_directory, new IndexWriterConfig(ArticleAnalyzer.Version, _analyzer)
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                Similarity = new BM25Similarity(),
            });
            // A new folder gets its first commit now, so the index on disk is valid even if nothing is ever written.
            _writer.Commit();
            _searchers = new SearcherManager(_writer, applyAllDeletes: true, new Bm25SearcherFactory());
        }
        catch
        {
            _writer?.Dispose();
            _directory?.Dispose();
            _analyzer?.Dispose();
            _folderLock.Dispose();
            throw;
        }

        _search = new ArticleSearchExecutor(_analyzer);
        _similar = new SimilarArticleFinder(_analyzer);
        LogOpened(IndexPath, _writer.NumDocs);
    }

    /// <summary>The full path of the index folder.</summary>
    public string IndexPath { get; }

    public async Task UpsertAsync(Article article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentException.ThrowIfNullOrEmpty(article.Id);
        var document = ArticleDocumentBuilder.Build(article);

        await WriteAsync(() =>
        {
            _writer.UpdateDocument(ArticleDocumentBuilder.IdTerm(article.Id), document);
            return true;
        }, cancellationToken);
        LogIndexed(article.Id);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var deleted = await WriteAsync(() =>
        {
            var term = ArticleDocumentBuilder.IdTerm(id);
            if (!WithSearcher(searcher => searcher.Search(new TermQuery(term), 1).TotalHits > 0))
            {
                return false;
            }

            _writer.DeleteDocuments(term);
            return true;
        }, cancellationToken);

        if (deleted)
        {
            LogDeleted(id);
        }

        return deleted;
    }

    public Task<Article?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(WithSearcher(searcher =>
        {
            var hits = searcher.Search(new TermQuery(ArticleDocumentBuilder.IdTerm(id)), 1).ScoreDocs;
            return hits.Length == 0 ? null : ArticleDocumentBuilder.ReadArticle(searcher.Doc(hits[0].Doc, ArticleJsonOnly));
        }));
    }

    public Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(WithSearcher(searcher => _search.Search(searcher, request)));
    }

    public Task<IReadOnlyList<SimilarArticle>> FindSimilarAsync(string id, int top, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(WithSearcher(searcher => _similar.Find(searcher, id, top)));
    }

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Title suggestions are not implemented by the Lucene index yet.");

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Waits for a write in flight, so it is committed rather than cut off.
        _writeGate.Wait();
        try
        {
            _searchers.Dispose();
            _writer.Dispose();
            _directory.Dispose();
            _analyzer.Dispose();
        }
        finally
        {
            _folderLock.Dispose();
            _writeGate.Release();
        }

        LogClosed(IndexPath);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Runs one change, commits it (so a crash cannot lose it), and refreshes searchers so reads see it.</summary>
    private async Task<T> WriteAsync<T>(Func<T> change, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            var result = change();
            _writer.Commit();
            _searchers.MaybeRefreshBlocking();
            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private T WithSearcher<T>(Func<IndexSearcher, T> read)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var searcher = _searchers.Acquire();
        try
        {
            return read(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened Lucene index at {IndexPath} with {ArticleCount} articles")]
    private partial void LogOpened(string indexPath, int articleCount);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Indexed {ArticleId}")]
    private partial void LogIndexed(string articleId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deleted {ArticleId} from the index")]
    private partial void LogDeleted(string articleId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed Lucene index at {IndexPath}")]
    private partial void LogClosed(string indexPath);

    /// <summary>Searchers must score with the similarity the writer used for norms.</summary>
    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
