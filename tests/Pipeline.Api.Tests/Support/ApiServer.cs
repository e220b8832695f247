using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Ingestion.Sources;
using Pipeline.Core.Related;
using Pipeline.Core.Search;

namespace Pipeline.Api.Tests.Support;

/// <summary>
/// The API mapped the way the local host maps it, served in memory by ASP.NET Core's TestServer over a
/// <see cref="RecordingArticleIndex"/>. Requests go through routing, binding and result execution as on Kestrel.
/// </summary>
internal sealed class ApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ApiServer(WebApplication app, RecordingArticleIndex index, RecordingSourceStore sources, SteppingClock clock)
    {
        _app = app;
        Index = index;
        Sources = sources;
        Clock = clock;
        Http = app.GetTestClient();
    }

    public RecordingArticleIndex Index { get; }

    public RecordingSourceStore Sources { get; }

    public SteppingClock Clock { get; }

    public HttpClient Http { get; }

    public WebApplication App => _app;

    public static async Task<ApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var index = new RecordingArticleIndex();
        builder.Services.AddSingleton<IArticleIndex>(index);
        var sources = new RecordingSourceStore();
        builder.Services.AddSingleton<IArticleSourceStore>(sources);
        var clock = new SteppingClock();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<RelatedArticlesService>();
        builder.Services.AddPipelineApi();

        var app = builder.Build();
        app.UsePipelineApiProblems();
        app.MapPipelineApi();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new ApiServer(app, index, sources, clock);
    }

    public Task<ApiResponse> GetAsync(string pathAndQuery) => SendAsync(new HttpRequestMessage(HttpMethod.Get, pathAndQuery));

    public Task<ApiResponse> PostJsonAsync(string path, string json, string contentType = "application/json") =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, contentType) });

    public async Task<ApiResponse> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            return new ApiResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, text);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
    }
}

/// <summary>A response read whole: status, media type and body text, with the body as JSON on demand.</summary>
internal sealed record ApiResponse(int Status, string? MediaType, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("The body is JSON null.");

    /// <summary>Asserts an RFC 7807 problem with this status and returns it.</summary>
    public JsonObject Problem(int status)
    {
        Assert.True(Status == status, $"Expected {status}, got {Status}: {Body}");
        Assert.Equal("application/problem+json", MediaType);
        var problem = Json.AsObject();
        Assert.Equal(status, (int?)problem["status"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]), "A problem has a title.");
        return problem;
    }

    /// <summary>Asserts a 400 problem about <paramref name="parameter"/> and returns it.</summary>
    public JsonObject InvalidParameter(string parameter)
    {
        var problem = Problem(400);
        Assert.Equal(parameter, (string?)problem["parameter"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]), "A 400 says what to fix.");
        return problem;
    }

    public JsonObject Ok()
    {
        Assert.True(Status == 200, $"Expected 200, got {Status}: {Body}");
        return Json.AsObject();
    }
}

/// <summary>One server per test class (its tests run one at a time), reset before each test.</summary>
public sealed class ApiServerFixture : IAsyncLifetime
{
    private ApiServer? _server;

    internal ApiServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async ValueTask InitializeAsync() => _server = await ApiServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    internal ApiServer Reset()
    {
        Server.Index.Reset();
        Server.Sources.Reset();
        // Past the health probe's cache, so no test sees the answer an earlier one was given.
        Server.Clock.Advance(TimeSpan.FromMinutes(1));
        return Server;
    }
}
