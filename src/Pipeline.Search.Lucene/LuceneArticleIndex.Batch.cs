using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Articles;
using Pipeline.Search.Lucene.Indexing;

namespace Pipeline.Search.Lucene;

public sealed partial class LuceneArticleIndex
{
    /// <summary>
    /// Adds or replaces many articles, then commits and refreshes, for bulk loads (rebuilds, benchmarks): when it
    /// returns, the whole batch is durable and searchable.
    /// </summary>
    /// <remarks>
    /// If an article fails to index the batch stops there and what was added before it is committed, so callers may
    /// simply retry the batch.
    /// </remarks>
    /// <returns>The number of articles written.</returns>
    public async Task<int> UpsertManyAsync(IEnumerable<Article> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ExceptionDispatchInfo? failure = null;
        var count = await WriteAsync(() =>
        {
            var written = 0;
            try
            {
                foreach (var article in articles)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    ArgumentNullException.ThrowIfNull(article, nameof(articles));
                    ArgumentException.ThrowIfNullOrEmpty(article.Id, nameof(articles));
                    _writer.UpdateDocument(ArticleDocumentBuilder.IdTerm(article.Id), ArticleDocumentBuilder.Build(article));
                    _pending.Wrote(article.Id, article);
                    written++;
                }
            }
            catch (Exception ex)
            {
                // Thrown after the commit, so the articles before the failing one are durable rather than left pending.
                failure = ExceptionDispatchInfo.Capture(ex);
            }

            return written;
        }, cancellationToken);
        await CommitAsync(CancellationToken.None);
        Refresh();
        LogIndexedMany(count);
        failure?.Throw();
        return count;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Indexed {ArticleCount} articles in one commit")]
    private partial void LogIndexedMany(int articleCount);
}
