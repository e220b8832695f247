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
/// manual set-up; simple queries are re-spelled in the service's full syntax so both backends read them alike,
/// full queries and filters go to the service as the caller wrote them.
/// </summary>
public sealed partial class AzureAISearchArticleIndex : IArticleIndex
{
    /// <summary>The service refuses suggest text longer than this.</summary>
    private const int MaxSuggestTextLength = 100;

    /// <summary>Ids per version query: a page the service returns in one response, with a filter well under its size limit.</summary>
    private const int VersionPageSize = 500;

    private const string VersionIdSeparator = "|";

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
            Tags = article.Tags,
            Published = article.Published,
            Language = article.Language,
            Source = ArticleFieldNames.SourceOf(article.Source.BlobName),
            SiteName = article.SiteName,
            Format = ArticleFieldNames.FormatOf(article.Format),
            Keyphrases = article.Keyphrases,
            Fingerprint = article.Fingerprint,
            Summary = article.Summary,
            ArticleJson = JsonSerializer.Serialize(article, PipelineJson.Options),
            Undated = article.Published is null,
            SourceETag = article.Source.ETag,
            SourceModified = article.Source.LastModified,
        };
        var response = await _searchClient.MergeOrUploadDocumentsAsync([document], new IndexDocumentsOptions { ThrowOnAnyError = true }, cancellationToken);
        LogUpserted(article.Id, _indexName, response.GetRawResponse().Status);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        await EnsureIndexAsync(cancellationToken);
        if (await GetDocumentAsync(id, cancellationToken) is null)
        {
            return false;
        }

        await _searchClient.DeleteDocumentsAsync(ArticleFieldNames.Id, [id], new IndexDocumentsOptions { ThrowOnAnyError = true }, cancellationToken);
        return true;
    }

    public async Task<Article?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await EnsureIndexAsync(cancellationToken);
        var document = await GetDocumentAsync(id, cancellationToken);
        return document is null ? null : JsonSerializer.Deserialize<Article>(document.ArticleJson, PipelineJson.Options);
    }

    public async Task<IReadOnlyDictionary<string, ArticleVersion>> GetVersionsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await EnsureIndexAsync(cancellationToken);
        var versions = new Dictionary<string, ArticleVersion>(StringComparer.Ordinal);
        var unique = ids.Distinct(StringComparer.Ordinal).ToList();
        var withoutVersion = new List<string>();

        // One query per page of ids, selecting the id and the version only. Ids holding the list separator cannot go
        // into search.in, and documents written before the version fields existed have none: both are read in full.
        var listable = unique.Where(id => !id.Contains(VersionIdSeparator, StringComparison.Ordinal)).ToList();
        withoutVersion.AddRange(unique.Where(id => id.Contains(VersionIdSeparator, StringComparison.Ordinal)));
        foreach (var page in listable.Chunk(VersionPageSize))
        {
            var options = new AzureSearchOptions
            {
                Filter = $"search.in({ArticleFieldNames.Id}, '{string.Join(VersionIdSeparator, page).Replace("'", "''", StringComparison.Ordinal)}', '{VersionIdSeparator}')",
                Size = page.Length,
                IncludeTotalCount = false,
            };
            options.Select.Add(ArticleFieldNames.Id);
            options.Select.Add(ArticleIndexDefinition.SourceETag);
            options.Select.Add(ArticleIndexDefinition.SourceModified);
            var response = await _searchClient.SearchAsync<ArticleSearchDocument>("*", options, cancellationToken);
            await foreach (var result in response.Value.GetResultsAsync().WithCancellation(cancellationToken))
            {
                var document = result.Document;
                if (document.SourceETag is null && document.SourceModified is null)
                {
                    withoutVersion.Add(document.Id);
                }
                else
                {
                    versions[document.Id] = new ArticleVersion(document.SourceETag, document.SourceModified);
                }
            }
        }

        foreach (var id in withoutVersion)
        {
            if (await GetAsync(id, cancellationToken) is { } article)
            {
                versions[id] = ArticleVersion.Of(article);
            }
        }

        return versions;
    }

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var azureRequest = AzureSearchRequest.From(request);
        await EnsureIndexAsync(cancellationToken);

        Response<SearchResults<ArticleSearchDocument>> response;
        try
        {
            response = await _searchClient.SearchAsync<ArticleSearchDocument>(azureRequest.Text, azureRequest.Options, cancellationToken);
        }
        catch (RequestFailedException ex) when (ServiceErrors.AsInvalidRequest(ex, queryIsVerbatim: request.QueryType == QueryType.Full) is { } invalid)
        {
            throw invalid;
        }

        var hits = new List<SearchHit>();
        await foreach (var result in response.Value.GetResultsAsync().WithCancellation(cancellationToken))
        {
            hits.Add(ToHit(result, request.Highlight));
        }

        return new SearchResults(request.IncludeTotalCount ? response.Value.TotalCount ?? hits.Count : null, hits)
        {
            Facets = AzureFacets.ReadAll(request.Facets, response.Value.Facets),
        };
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
        foreach (var field in new[] { ArticleFieldNames.Title, ArticleFieldNames.Body, ArticleIndexDefinition.Keyphrases })
        {
            options.SearchFields.Add(field);
        }

        foreach (var field in new[] { ArticleFieldNames.Id, ArticleFieldNames.Title, ArticleFieldNames.Body, ArticleIndexDefinition.Keyphrases, ArticleIndexDefinition.Fingerprint })
        {
            options.Select.Add(field);
        }

        var response = await _searchClient.SearchAsync<ArticleSearchDocument>(string.Join(' ', terms), options, cancellationToken);
        var similar = new List<SimilarArticle>();
        await foreach (var result in response.Value.GetResultsAsync().WithCancellation(cancellationToken))
        {
            var document = result.Document;
            var shared = SimilarityTerms.Shared(terms, document.Title, document.Body);
            similar.Add(new SimilarArticle(document.Id, document.Title, result.Score ?? 0, shared)
            {
                Keyphrases = document.Keyphrases,
                Fingerprint = document.Fingerprint,
            });
        }

        return similar;
    }

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = SuggestText(request.Text);
        if (text.Length == 0 || request.Top <= 0)
        {
            return [];
        }

        var options = new SuggestOptions
        {
            UseFuzzyMatching = request.Fuzzy,
            Filter = FilterText.From(request.Filter),
            HighlightPreTag = HighlightEncoder.PreMarker,
            HighlightPostTag = HighlightEncoder.PostMarker,
            Size = Math.Min(request.Top, SuggestRequest.MaxTop),
        };
        options.Select.Add(ArticleFieldNames.Id);
        options.Select.Add(ArticleFieldNames.Title);

        await EnsureIndexAsync(cancellationToken);
        Response<SuggestResults<ArticleSearchDocument>> response;
        try
        {
            response = await _searchClient.SuggestAsync<ArticleSearchDocument>(text, ArticleIndexDefinition.SuggesterName, options, cancellationToken);
        }
        catch (RequestFailedException ex) when (ServiceErrors.IsMissingSuggester(ex))
        {
            throw new InvalidOperationException(
                $"Search index '{_indexName}' has no suggester '{ArticleIndexDefinition.SuggesterName}': it was created by an older version. " +
                "Delete the index and re-ingest the articles to enable suggestions.", ex);
        }
        catch (RequestFailedException ex) when (ServiceErrors.AsInvalidRequest(ex, queryIsVerbatim: false) is { } invalid)
        {
            throw invalid;
        }

        return response.Value.Results
            .Select(result => new Suggestion(result.Document.Id, result.Document.Title, HighlightEncoder.Encode(result.Text, request.PreTag, request.PostTag)))
            .ToList();
    }

    // The last words are the ones being typed, so an over-long input keeps its end, cut at a word boundary.
    private static string SuggestText(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length <= MaxSuggestTextLength)
        {
            return trimmed;
        }

        var tail = trimmed[^MaxSuggestTextLength..];
        var firstBreak = tail.IndexOf(' ', StringComparison.Ordinal);
        return (firstBreak < 0 ? tail : tail[(firstBreak + 1)..]).Trim();
    }

    private static SearchHit ToHit(SearchResult<ArticleSearchDocument> result, HighlightRequest? highlight)
    {
        var document = result.Document;
        var snippet = !SearchSnippets.AreBodyPassages(highlight)
            ? SearchSnippets.FromSummary(document.Summary)
            : Fragments(result, AzureSearchRequest.SnippetField).FirstOrDefault() is { } fragment
                ? HighlightEncoder.Encode(fragment, HighlightRequest.DefaultPreTag, HighlightRequest.DefaultPostTag)
                : null;
        return new SearchHit(document.Id, document.Title, result.Score ?? 0, document.Authors, document.Published, snippet)
        {
            Tags = document.Tags,
            Language = document.Language,
            Source = document.Source,
            SiteName = document.SiteName,
            Format = document.Format,
            Summary = document.Summary,
            Highlights = highlight is null ? null : Highlights(result, highlight),
        };
    }

    // Fields without a match are left out, as the embedded index does.
    private static Dictionary<string, IReadOnlyList<string>> Highlights(SearchResult<ArticleSearchDocument> result, HighlightRequest highlight)
    {
        var highlights = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var field in highlight.Fields)
        {
            var fragments = Fragments(result, field).Select(f => HighlightEncoder.Encode(f, highlight.PreTag, highlight.PostTag)).ToList();
            if (fragments.Count > 0)
            {
                highlights[field] = fragments;
            }
        }

        return highlights;
    }

    private static IEnumerable<string> Fragments(SearchResult<ArticleSearchDocument> result, string field) =>
        result.Highlights is not null && result.Highlights.TryGetValue(field, out var fragments) ? fragments : [];

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
                await new IndexSchemaUpdater(_indexClient, _logger).EnsureAsync(ArticleIndexDefinition.Create(_indexName), cancellationToken);
                LogIndexReady(_indexName, _indexClient.Endpoint);
                _indexEnsured = true;
            }
        }
        finally
        {
            _ensureIndexLock.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Upserted {ArticleId} into {IndexName} ({Status})")]
    private partial void LogUpserted(string articleId, string indexName, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index {IndexName} is ready on {Endpoint}")]
    private partial void LogIndexReady(string indexName, Uri endpoint);
}
