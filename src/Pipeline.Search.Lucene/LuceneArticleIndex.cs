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
using Pipeline.Search.Lucene.Suggestions;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Pipeline.Search.Lucene;

/// <summary>
/// An on-disk Lucene.NET index of articles. One instance owns its folder: a second one, in this or another process,
/// is refused. Safe for concurrent use; every acknowledged write is committed and visible to the next read.
/// </summary>
public sealed partial class LuceneArticleIndex : IArticleIndex, IDisposable, IAsyncDisposable
{
    private static readonly ISet<string> ArticleJsonOnly = new HashSet<string> { IndexFieldNames.ArticleJson };

    private readonly ILogger<LuceneArticleIndex> _logger;
    private readonly IndexFolderLock _folderLock;
    private readonly Analyzer _analyzer;
    private readonly Analyzer _indexAnalyzer;
    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly ArticleSearchExecutor _search;
    private readonly SimilarArticleFinder _similar;
    private readonly TitleSuggester _suggester = new();

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
            _indexAnalyzer = new IndexingAnalyzer(_analyzer);
            _directory = FSDirectory.Open(IndexPath);
            var schemaVersion = IndexSchema.VersionOf(_directory);
            if (schemaVersion > IndexSchema.Current)
            {
                throw new InvalidOperationException(
                    $"The search index at '{IndexPath}' was written by a newer version (schema {schemaVersion}; this one knows {IndexSchema.Current}). " +
                    "Run the newer version, or delete the folder to rebuild it from the articles.");
            }

            _writer = new IndexWriter(_directory, new IndexWriterConfig(ArticleAnalyzer.Version, _indexAnalyzer)
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                Similarity = new BM25Similarity(),
            });
            _writer.SetCommitData(IndexSchema.UserData);
            if (schemaVersion < IndexSchema.Current)
            {
                RebuildDocuments(schemaVersion.Value);
            }

            // A new folder gets its first commit now, so the index on disk is valid even if nothing is ever written.
            _writer.Commit();
            _searchers = new SearcherManager(_writer, applyAllDeletes: true, new Bm25SearcherFactory());
        }
        catch
        {
            _writer?.Dispose();
            _directory?.Dispose();
            _indexAnalyzer?.Dispose();
            _analyzer?.Dispose();
            _suggester.Dispose();
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

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(WithSearcher(searcher => _suggester.Suggest(searcher, request)));
    }

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
            _suggester.Dispose();
            _indexAnalyzer.Dispose();
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

    /// <summary>
    /// Re-creates every document of an index written with an older schema from the article JSON it stores, so a
    /// local index keeps its articles across an upgrade without re-ingesting them. Nothing is committed until all are
    /// rewritten: a crash part way leaves the old index, and the next start tries again.
    /// </summary>
    private void RebuildDocuments(int fromVersion)
    {
        using var reader = DirectoryReader.Open(_directory);
        LogRebuilding(IndexPath, fromVersion, IndexSchema.Current, reader.NumDocs);
        _writer.DeleteAll();
        var rebuilt = 0;
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var live = segment.LiveDocs;
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc))
                {
                    continue;
                }

                try
                {
                    _writer.AddDocument(ArticleDocumentBuilder.Build(ArticleDocumentBuilder.ReadArticle(segment.Document(doc, ArticleJsonOnly))));
                    rebuilt++;
                }
                catch (Exception ex) when (ex is InvalidDataException or System.Text.Json.JsonException)
                {
                    // One unreadable article must not cost the others; it is indexed again on its next upload.
                    LogUnreadableArticle(ex, segment.Document(doc).Get(IndexFieldNames.Id));
                }
            }
        }

        _writer.Commit();
        LogRebuilt(IndexPath, rebuilt, IndexSchema.Current);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Lucene index at {IndexPath} has schema {OldVersion}; rebuilding its {ArticleCount} articles for schema {NewVersion}")]
    private partial void LogRebuilding(string indexPath, int oldVersion, int newVersion, int articleCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt the Lucene index at {IndexPath}: {ArticleCount} articles now on schema {SchemaVersion}")]
    private partial void LogRebuilt(string indexPath, int articleCount, int schemaVersion);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dropped {ArticleId} from the index while rebuilding it: its stored article could not be read")]
    private partial void LogUnreadableArticle(Exception exception, string? articleId);

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
