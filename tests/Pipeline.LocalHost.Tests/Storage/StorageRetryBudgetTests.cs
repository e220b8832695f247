using System.Net;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Ingestion.Resilience;
using Pipeline.Core.Ingestion.Sources;
using Pipeline.Hosting;
using Pipeline.LocalHost.Tests.Support;

namespace Pipeline.LocalHost.Tests.Storage;

/// <summary>
/// One retry budget per dependency: a storage call that keeps failing is tried as often as Azure.Core's retry options
/// say, and no more: the pipeline's own retry policy does not retry it again on top.
/// </summary>
public sealed class StorageRetryBudgetTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_source_read_against_failing_storage_is_tried_as_often_as_the_sdk_retry_options_say_and_no_more()
    {
        using var index = new TemporaryDirectory("retry-budget");
        var storage = new FailingStorage(HttpStatusCode.ServiceUnavailable);
        await using var services = Services(storage, index, maxRetries: 2);

        await Assert.ThrowsAsync<TransientIngestException>(() => services.GetRequiredService<SourceBlobIngestor>().IngestAsync("budget/one.txt", Ct));

        // 1 try + 2 SDK retries; the policy's 3 retries (Pipeline:Ingest:MaxRetries) would have made it 12.
        Assert.Equal(3, storage.RequestsFor("budget/one.txt"));
    }

    [Fact]
    public async Task A_refused_connection_is_tried_as_often_as_the_sdk_retry_options_say_and_no_more()
    {
        using var index = new TemporaryDirectory("retry-budget");
        var storage = new FailingStorage(status: null);
        await using var services = Services(storage, index, maxRetries: 1);

        await Assert.ThrowsAsync<TransientIngestException>(() => services.GetRequiredService<SourceBlobIngestor>().IngestAsync("budget/two.txt", Ct));

        Assert.Equal(2, storage.RequestsFor("budget/two.txt"));
    }

    private static ServiceProvider Services(FailingStorage storage, TemporaryDirectory index, int maxRetries)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Pipeline:Storage:Retry:MaxRetries"] = $"{maxRetries}",
            ["Pipeline:Storage:Retry:Delay"] = "00:00:00.001",
            ["Pipeline:Storage:Retry:MaxDelay"] = "00:00:00.002",
            ["Pipeline:Ingest:InitialRetryDelay"] = "00:00:00.001",
            ["Pipeline:Ingest:MaxRetryDelay"] = "00:00:00.002",
            ["Pipeline:Lucene:IndexPath"] = index.Combine("index"),
        }).Build();
        var services = new ServiceCollection().AddLogging().AddPipeline(configuration);

        // The fault comes in through the SDK's own transport, under its retry pipeline, as a real outage would.
        services.ConfigureAll<BlobClientOptions>(options => options.Transport = new HttpClientTransport(new HttpClient(storage)));
        return services.BuildServiceProvider();
    }

    /// <summary>Storage that answers every request with one status, or refuses the connection when there is none; counts requests per blob.</summary>
    private sealed class FailingStorage(HttpStatusCode? status) : HttpMessageHandler
    {
        private readonly List<string> _paths = [];

        public int RequestsFor(string blobName)
        {
            lock (_paths)
            {
                return _paths.Count(path => path.EndsWith("/" + blobName, StringComparison.Ordinal));
            }
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (_paths)
            {
                _paths.Add(Uri.UnescapeDataString(request.RequestUri!.AbsolutePath));
            }

            return status is { } code
                ? Task.FromResult(new HttpResponseMessage(code) { RequestMessage = request })
                : Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused (test)", new System.Net.Sockets.SocketException(111)));
        }
    }
}
