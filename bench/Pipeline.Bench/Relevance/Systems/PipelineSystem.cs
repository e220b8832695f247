using System.Globalization;
using Microsoft.Extensions.Options;
using Pipeline.Bench.Relevance.Collections;
using Pipeline.Core.Articles;
using Pipeline.Core.Search;
using Pipeline.Search.Lucene;

namespace Pipeline.Bench.Relevance.Systems;

/// <summary>
/// The product: each document becomes an <see cref="Article"/> in a <see cref="LuceneArticleIndex"/> (own analysis,
/// fields and boosts), and each query runs as a simple-syntax <see cref="SearchRequest"/> through <see cref="IArticleIndex"/>.
/// </summary>
internal sealed class PipelineSystem : IRankingSystem
{
    private const string IdPrefix = "doc-";

    private readonly string _folder;
    private readonly LuceneArticleIndex _index;

    public PipelineSystem(string collectionName)
    {
        _folder = Path.Combine(Path.GetTempPath(), "pipeline-bench-relevance-" + Guid.NewGuid().ToString("N"));
        _index = new LuceneArticleIndex(Options.Create(new LuceneIndexOptions { IndexPath = _folder }));
        CollectionName = collectionName.ToLowerInvariant();
    }

    public string Name => "Pipeline";

    private string CollectionName { get; }

    public async Task IndexAsync(IReadOnlyList<CollectionDocument> documents, CancellationToken cancellationToken)
    {
        // One commit for the collection instead of one per article; the documents are the ones UpsertAsync writes.
        await _index.UpsertManyAsync(documents.Select(ToArticle), cancellationToken);
    }

    public async Task<IReadOnlyList<int>> SearchAsync(string queryText, int top, CancellationToken cancellationToken)
    {
        IArticleIndex index = _index;
        var results = await index.SearchAsync(new SearchRequest(PlainTerms.ForSimpleSyntax(queryText), Top: top), cancellationToken);
        return results.Hits.Select(hit => int.Parse(hit.Id[IdPrefix.Length..], CultureInfo.InvariantCulture)).ToList();
    }

    public ValueTask DisposeAsync()
    {
        _index.Dispose();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    private Article ToArticle(CollectionDocument document) => new()
    {
        Id = IdPrefix + document.Id.ToString(CultureInfo.InvariantCulture),
        Source = new ArticleOrigin($"{CollectionName}/{document.Id}.txt"),
        Format = ArticleFormat.PlainText,
        Title = document.Title,
        Authors = document.Authors,
        Body = document.Body,
        Language = "en",
        ContentHash = document.Id.ToString(CultureInfo.InvariantCulture),
    };
}
