using System.Text.Json;
using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes;
using Azure.Search.Documents.Models;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Articles;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Suggestions;
using Pipeline.Core.Serialization;
using AzureSearchOptions = Azure.Search.Documents.SearchOptions;

namespace Pipeline.Search.AzureAISearch;

/// <summary>
/// <see cref="IArticleIndex"/> on Azure AI Search. The index is created on first use, so a fresh service needs no
/// manual set-up; queries use the service's simple syntax, which is the API's own query syntax.
/// </summary>
public sealed class AzureAISearchArticleIndex : IArticleIndex
{
    private static readonly string[] ResultFields = ["id", "title", "authors", "published"];

    private readonly SearchIndexClient _indexClient;
    private readonly SearchClient _searchClient;
    private readonly string _indexName;
    private readonly ILogger<AzureAISearchArticleIndex> _logger;
    private readonly SemaphoreSlim _ensureIndexLock = new(1, 1);
    private volatile bool _indexEnsured;

    public AzureAISearchArticleIndex(SearchIndexClient indexClient, string indexName, ILogger<AzureAISearchArticleIndex> logger)
    {
        _indexClient = indexClient;
        _indexName = indexName;
        _searchClient = indexClient.GetSearchClient(indexName);
        _logger = logger;
    }

    public async Task UpsertAsync(Article article, CancellationToken cancellationToken = default)
    {
        await EnsureIndexAsync(cancellationToken);
        var document = new ArticleSearchDocument
        {
            Id = article.Id,
            Title = article.Title,
            Body = article.Body,
            Authors = article.Authors,
            Published = article.Published,
            Language = article.Language,
            Format = article.Format.ToString(),
            Source = article.Source.BlobName,
            ArticleJson = JsonSerializer.Serialize(article, PipelineJson.Options),
        };
        var response = await _searchClient.MergeOrUploadDocumentsAsync([document], new IndexDocumentsOptions { ThrowOnAnyError = true }, cancellationToken);
        _logger.LogDebug("Upserted {ArticleId} into {IndexName} ({Status})", article.Id, _indexName, response.GetRawResponse().Status);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        await EnsureIndexAsync(cancellationToken);
        if (await GetDocumentAsync(id, cancellationToken) is null)
        {
            return false;
        }

        await _searchClient.DeleteDocumentsAsync("id", [id], new IndexDocumentsOptions { ThrowOnAnyError = true }, cancellationToken);
        return true;
    }

    public async Task<Article?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await EnsureIndexAsync(cancellationToken);
        var document = await GetDocumentAsync(id, cancellationToken);
        return document is null ? null : JsonSerializer.Deserialize<Article>(document.ArticleJson, PipelineJson.Options);
    }

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        await EnsureIndexAsync(cancellationToken);
        var query = AzureQuery.From(request.Query);
        var options = new AzureSearchOptions
        {
            QueryType = query.Type,
            SearchMode = query.Mode,
            IncludeTotalCount = true,
            Size = Math.Clamp(request.Top, 0, SearchRequest.MaxTop),
            Skip = Math.Max(request.Skip, 0),
        };
        foreach (var field in ResultFields)
        {
            options.Select.Add(field);
        }

        if (query.IsMatchAll)
        {
            // Without a query there is no relevance; newest first is what a reader expects, id keeps pages stable.
            options.OrderBy.Add("published desc");
            options.OrderBy.Add("id asc");
        }
        else
        {
            options.HighlightFields.Add("body");
            options.HighlightPreTag = SnippetEncoder.PreMarker;
            options.HighlightPostTag = SnippetEncoder.PostMarker;
        }

        var response = await _searchClient.SearchAsync<ArticleSearchDocument>(query.Text, options, cancellationToken);
        var hits = new List<SearchHit>();
        await foreach (var result in response.Value.GetResultsAsync().WithCancellation(cancellationToken))
        {
            var snippet = result.Highlights is not null && result.Highlights.TryGetValue("body", out var fragments) && fragments.Count > 0
                ? SnippetEncoder.Encode(fragments[0])
                : null;
            hits.Add(new SearchHit(result.Document.Id, result.Document.Title, result.Score ?? 0, result.Document.Authors, result.Document.Published, snippet));
        }

        return new SearchResults(response.Value.TotalCount ?? hits.Count, hits);
    }

    public async Task<IReadOnlyList<SimilarArticle>> FindSimilarAsync(string id, int top, CancellationToken cancellationToken = default)
    {
        await EnsureIndexAsync(cancellationToken);
        var source = await GetDocumentAsync(id, cancellationToken);
        if (source is null || top <= 0)
        {
            return [];
        }

        // The service's moreLikeThis is preview-only, so the same idea is built from a GA query: the source's most
        // telling terms, any of which may match, excluding the source itself.
        var terms = SimilarityTerms.Select(source.Title, source.Body);
        if (terms.Count == 0)
        {
            return [];
        }

        var options = new AzureSearchOptions
        {
            QueryType = SearchQueryType.Simple,
            SearchMode = Azure.Search.Documents.Models.SearchMode.Any,
            Size = Math.Clamp(top, 0, SearchRequest.MaxTop),
            Filter = SearchFilter.Create($"id ne {id}"),
        };
        options.Select.Add("id");
        options.Select.Add("title");
        options.Select.Add("body");

        var response = await _searchClient.SearchAsync<ArticleSearchDocument>(string.Join(' ', terms), options, cancellationToken);
        var similar = new List<SimilarArticle>();
        await foreach (var result in response.Value.GetResultsAsync().WithCancellation(cancellationToken))
        {
            var shared = SimilarityTerms.Shared(terms, result.Document.Title, result.Document.Body);
            similar.Add(new SimilarArticle(result.Document.Id, result.Document.Title, result.Score ?? 0, shared));
        }

        return similar;
    }

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Title suggestions are not implemented by the Azure AI Search index yet.");

    private async Task<ArticleSearchDocument?> GetDocumentAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _searchClient.GetDocumentAsync<ArticleSearchDocument>(id, cancellationToken: cancellationToken);
            return response.Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private async Task EnsureIndexAsync(CancellationToken cancellationToken)
    {
        if (_indexEnsured)
        {
            return;
        }

        await _ensureIndexLock.WaitAsync(cancellationToken);
        try
        {
            if (!_indexEnsured)
            {
                await _indexClient.CreateOrUpdateIndexAsync(ArticleIndexDefinition.Create(_indexName), cancellationToken: cancellationToken);
                _logger.LogInformation("Search index {IndexName} is ready on {Endpoint}", _indexName, _indexClient.Endpoint);
                _indexEnsured = true;
            }
        }
        finally
        {
            _ensureIndexLock.Release();
        }
    }
}
