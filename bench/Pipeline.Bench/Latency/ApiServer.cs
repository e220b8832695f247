using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Api;
using Pipeline.Core.Related;
using Pipeline.Core.Search;

namespace Pipeline.Bench.Latency;

/// <summary>
/// The HTTP API on Kestrel over a given index, wired as the local host wires it (<c>AddPipelineApi</c>,
/// <c>MapPipelineApi</c>), in this process, on a free loopback port. Logging is off so it does not measure the console.
/// </summary>
internal sealed class ApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ApiServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ApiServer> StartAsync(IArticleIndex index, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton(index);
        builder.Services.AddSingleton<RelatedArticlesService>();
        builder.Services.AddPipelineApi();

        var app = builder.Build();
        app.MapPipelineApi();
        await app.StartAsync(cancellationToken);
        // After start the URLs hold the port Kestrel picked for port 0.
        return new ApiServer(app, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
