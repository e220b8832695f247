using System.Net.Http.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Api;
using Pipeline.Core.Serialization;
using Pipeline.LocalHost.Configuration;
using Pipeline.LocalHost.Hosting;
using Pipeline.LocalHost.Upload;

namespace Pipeline.LocalHost.Tests.Support;

/// <summary>A local host started in-process, the way the <c>run</c> command starts it, plus what a test needs to drive it.</summary>
public sealed class RunningLocalHost : IAsyncDisposable
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);

    private readonly string _connectionString;

    private RunningLocalHost(LocalPipelineHost host, LogRecorder logs, string connectionString)
    {
        Host = host;
        Logs = logs;
        _connectionString = connectionString;
        Http = new HttpClient { BaseAddress = host.Urls[0] };
    }

    public LocalPipelineHost Host { get; }

    public LogRecorder Logs { get; }

    public HttpClient Http { get; }

    public BlobContainerClient Articles => new(_connectionString, Host.Containers.Articles);

    public BlobContainerClient Rejected => new(_connectionString, Host.Containers.Rejected);

    public BlobContainerClient Normalized => new(_connectionString, Host.Containers.Normalized);

    /// <param name="settings">Settings on top of the scope's own, such as a short reconcile interval.</param>
    /// <param name="configureServices">Changes to the host's services, such as an index that can be switched off.</param>
    public static async Task<RunningLocalHost> StartAsync(
        string connectionString,
        LocalHostScope scope,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var logs = new LogRecorder();
        var all = new Dictionary<string, string?>(scope.Settings(connectionString));
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var host = await LocalPipelineHost.StartAsync(
            new LocalHostStartOptions
            {
                Repository = RepositoryLayout.At(scope.DataPath),
                UseSettingsFile = false,
                Settings = all,
                ConfigureBuilder = builder =>
                {
                    builder.Logging.ClearProviders();
                    builder.Logging.AddProvider(logs);
                    configureServices?.Invoke(builder.Services);
                },
            },
            cancellationToken);
        return new RunningLocalHost(host, logs, connectionString);
    }

    public async Task UploadAsync(CancellationToken cancellationToken, params UploadItem[] items)
    {
        await foreach (var _ in new ArticleUploader(Articles).UploadAsync(items, cancellationToken))
        {
        }
    }

    public async Task<SearchResponse> SearchAsync(string query, CancellationToken cancellationToken) =>
        await Http.GetFromJsonAsync<SearchResponse>($"/api/search?q={Uri.EscapeDataString(query)}", PipelineJson.Options, cancellationToken)
            ?? throw new InvalidOperationException("The search API returned no body.");

    /// <summary>Polls the search API until <paramref name="query"/> finds an article titled <paramref name="title"/>.</summary>
    public Task<Core.Search.SearchHit> WaitForSearchHitAsync(string query, string title, CancellationToken cancellationToken)
    {
        SearchResponse? last = null;
        return WaitForAsync(
            async ct =>
            {
                last = await SearchAsync(query, ct);
                return last.Value.FirstOrDefault(hit => hit.Title == title);
            },
            () => $"GET /api/search?q={query} to find \"{title}\"; it last returned: " +
                  (last is null ? "nothing yet" : $"[{string.Join(", ", last.Value.Select(hit => $"\"{hit.Title}\""))}]"),
            cancellationToken);
    }

    /// <summary>
    /// Polls until <paramref name="probe"/> returns a value. Ingest is asynchronous (the trigger lists the container
    /// every couple of seconds), so tests wait for the outcome, bounded, and fail with what they saw.
    /// </summary>
    public async Task<T> WaitForAsync<T>(Func<CancellationToken, Task<T?>> probe, Func<string> describe, CancellationToken cancellationToken)
        where T : class
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(WaitLimit);
        try
        {
            while (true)
            {
                var value = await probe(limit.Token);
                if (value is not null)
                {
                    return value;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), limit.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Assert.Fail(
                $"Waited {WaitLimit.TotalSeconds:0} s for {describe()}.{Environment.NewLine}" +
                $"Indexed so far: [{string.Join(", ", Logs.IndexedBlobNames)}]; rejected: [{string.Join(", ", Logs.RejectedBlobNames)}].{Environment.NewLine}" +
                $"Host log:{Environment.NewLine}{Logs.Summary()}");
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
