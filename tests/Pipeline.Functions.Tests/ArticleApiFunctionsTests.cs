using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Api;
using Pipeline.Api.Documentation;
using Pipeline.Core;
using Pipeline.Core.Enrichment;
using Pipeline.Core.Ingestion.Sources;
using Pipeline.Core.Normalization;
using Pipeline.Core.Search;
using Pipeline.Functions.Http;
using Pipeline.Search.Lucene;
using Pipeline.Testing;
using Pipeline.Testing.Ingestion;

namespace Pipeline.Functions.Tests;

/// <summary>
/// The HTTP functions run here without a Functions host: each is called the way the ASP.NET Core integration calls
/// it, with an <see cref="HttpRequest"/>, and the <see cref="IResult"/> it returns is executed into a response.
/// </summary>
public sealed class ArticleApiFunctionsTests : IAsyncLifetime
{
    private readonly string _indexPath = Path.Combine(Path.GetTempPath(), "pipeline-fn-tests-" + Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = null!;
    private ArticleApiFunctions _functions = null!;
    private string _seedId = null!;

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Pipeline:Lucene:IndexPath"] = _indexPath,

                // The tests search the article written just before: searchable on acknowledgement rather than within a second.
                ["Pipeline:Lucene:RefreshInterval"] = "00:00:00",
            })
            .Build();
        _services = new ServiceCollection()
            .AddLogging()
            .AddPipelineCore()
            .AddLuceneArticleIndex(configuration)
            .AddPipelineApi()
            .AddSingleton<IArticleSourceStore>(new InMemorySourceStore())
            .AddSingleton<ArticleApiFunctions>()
            .BuildServiceProvider();
        _functions = _services.GetRequiredService<ArticleApiFunctions>();

        var seedPath = TestData.RequireShared("samples", "ukraine-peace-talks.txt");
        var source = new SourceDocument("ukraine-peace-talks.txt", await File.ReadAllBytesAsync(seedPath, TestContext.Current.CancellationToken));
        var normalized = _services.GetRequiredService<IArticleNormalizer>().Normalize(source).Single();
        var article = _services.GetRequiredService<ArticleEnricher>().Enrich(normalized, source);
        await _services.GetRequiredService<IArticleIndex>().UpsertAsync(article, TestContext.Current.CancellationToken);
        _seedId = article.Id;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Directory.Delete(_indexPath, recursive: true);
    }

    [Fact]
    public async Task Search_finds_the_seed_article_by_a_body_word()
    {
        var (status, body) = await InvokeAsync(r => _functions.SearchAsync(r, CancellationToken.None), "?q=ceasefire");

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal(1, (int?)body["count"]);
        Assert.Equal("Ukraine Seeks New Peace Talks With Russia Amid Ongoing Violence", (string?)body["value"]![0]!["title"]);
    }

    [Fact]
    public async Task Search_rejects_top_over_the_limit_with_a_problem()
    {
        var (status, body) = await InvokeAsync(r => _functions.SearchAsync(r, CancellationToken.None), "?q=ceasefire&top=1000");

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Contains("'top'", (string?)body["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_article_returns_the_normalized_article()
    {
        var (status, body) = await InvokeAsync(r => _functions.GetArticleAsync(r, _seedId, CancellationToken.None));

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal(_seedId, (string?)body["id"]);
        Assert.Equal("plainText", (string?)body["format"]);
    }

    [Fact]
    public async Task Get_article_is_404_problem_for_an_unknown_id()
    {
        var (status, body) = await InvokeAsync(r => _functions.GetArticleAsync(r, "no-such-article-00000000", CancellationToken.None));

        Assert.Equal(StatusCodes.Status404NotFound, status);
        Assert.Equal("Article not found", (string?)body["title"]);
    }

    [Fact]
    public async Task Get_article_is_400_for_a_malformed_id()
    {
        var (status, _) = await InvokeAsync(r => _functions.GetArticleAsync(r, "../../etc/passwd", CancellationToken.None));

        Assert.Equal(StatusCodes.Status400BadRequest, status);
    }

    [Fact]
    public async Task Related_lists_the_editorial_links_of_the_article()
    {
        var (status, body) = await InvokeAsync(r => _functions.GetRelatedAsync(r, _seedId, CancellationToken.None));

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal(_seedId, (string?)body["id"]);
        Assert.NotNull(body["editorial"]);
        Assert.NotNull(body["similar"]);
    }

    [Fact]
    public async Task Health_reports_the_number_of_indexed_articles()
    {
        var (status, body) = await InvokeAsync(r => _functions.HealthAsync(r, CancellationToken.None));

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal("healthy", (string?)body["status"]);
        Assert.Equal(1, (int?)body["articles"]);
    }

    [Fact]
    public async Task Post_search_reads_the_query_from_a_json_body()
    {
        var (status, body) = await InvokeAsync(
            r => _functions.SearchPostAsync(r, CancellationToken.None), body: """{"q": "ceasefire", "select": "id,title"}""");

        Assert.Equal(StatusCodes.Status200OK, status);
        var hit = Assert.Single(body["value"]!.AsArray())!.AsObject();
        Assert.Equal(["id", "title"], hit.Select(p => p.Key));
    }

    [Fact]
    public async Task Open_api_function_serves_the_document()
    {
        var (status, body) = await InvokeAsync(_ => Task.FromResult(_functions.OpenApi(_)));

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal(ApiDocument.OpenApiVersion, (string?)body["openapi"]);
    }

    [Fact]
    public async Task Docs_function_serves_the_html_page()
    {
        var context = new DefaultHttpContext { RequestServices = _services };
        context.Response.Body = new MemoryStream();

        await _functions.Docs(context.Request).ExecuteAsync(context);

        Assert.StartsWith("text/html", context.Response.ContentType, StringComparison.Ordinal);
        Assert.True(context.Response.Body.Length > 0);
    }

    private async Task<(int Status, JsonNode Body)> InvokeAsync(Func<HttpRequest, Task<IResult>> function, string queryString = "", string? body = null)
    {
        var context = new DefaultHttpContext { RequestServices = _services };
        context.Request.QueryString = new QueryString(queryString);
        if (body is not null)
        {
            context.Request.Method = HttpMethods.Post;
            context.Request.ContentType = "application/json";
            context.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body));
        }

        context.Response.Body = new MemoryStream();

        var result = await function(context.Request);
        await result.ExecuteAsync(context);

        context.Response.Body.Position = 0;
        var json = await JsonNode.ParseAsync(context.Response.Body, cancellationToken: TestContext.Current.CancellationToken);
        return (context.Response.StatusCode, json!);
    }
}
