using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Pipeline.Core.Ingestion;
using Pipeline.LocalHost.Azurite;
using Pipeline.Storage;

namespace Pipeline.Cli.Tests;

/// <summary><c>redrive</c> against a real Azurite and a Lucene index of its own, as after a fix.</summary>
public sealed class RedriveCommandTests(RedriveCommandTests.Storage storage) : IClassFixture<RedriveCommandTests.Storage>
{
    private const string Story = "Storm closes the harbour\n\nThe harbour closed on Tuesday as the storm came in from the west.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Re_ingests_recorded_blobs_and_clears_the_records_that_succeed()
    {
        using var index = new TemporaryDirectory();
        var scope = await storage.NewScopeAsync("storm.txt", Story, reason: "TooLarge");

        var run = await CliRun.RunAsync(["redrive", "--all", .. scope.Switches(index.Path)]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("indexed         storm.txt", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 record(s) re-driven: 1 resolved, 0 still failing.", run.Output, StringComparison.Ordinal);
        Assert.False(await scope.Rejected.GetBlobClient("storm.txt.json").ExistsAsync(Ct));
        Assert.Single(scope.Normalized.GetBlobs(cancellationToken: Ct));
    }

    [Fact]
    public async Task A_dry_run_lists_the_records_and_changes_nothing()
    {
        using var index = new TemporaryDirectory();
        var scope = await storage.NewScopeAsync("storm.txt", Story, reason: "Parked");

        var run = await CliRun.RunAsync(["redrive", "--reason", "parked", "--dry-run", .. scope.Switches(index.Path)]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("would re-drive  storm.txt  (Parked, 5 attempt(s)", run.Output, StringComparison.Ordinal);
        Assert.True(await scope.Rejected.GetBlobClient("storm.txt.json").ExistsAsync(Ct));
        Assert.Empty(scope.Normalized.GetBlobs(cancellationToken: Ct));
    }

    [Fact]
    public async Task A_blob_that_still_fails_keeps_its_record_and_the_exit_code_says_so()
    {
        using var index = new TemporaryDirectory();
        var scope = await storage.NewScopeAsync("blank.txt", "   ", reason: "Empty");

        var run = await CliRun.RunAsync(["redrive", "--reason", "Empty", .. scope.Switches(index.Path)]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("1 record(s) re-driven: 0 resolved, 1 still failing.", run.Output, StringComparison.Ordinal);
        var record = (await scope.Rejected.GetBlobClient("blank.txt.json").DownloadContentAsync(Ct)).Value.Content.ToObjectFromJson<Rejection>(Core.Serialization.PipelineJson.Options);
        Assert.Equal(6, record!.Attempts);
    }

    [Theory]
    [InlineData(new[] { "redrive" }, "say which records")]
    [InlineData(new[] { "redrive", "--all", "--reason", "Parked" }, "exclude each other")]
    [InlineData(new[] { "redrive", "--everything" }, "unknown argument '--everything'")]
    public async Task Usage_errors_name_the_problem(string[] args, string message)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    /// <summary>One Azurite for the class; each test gets containers of its own.</summary>
    public sealed class Storage : IAsyncLifetime
    {
        private readonly TemporaryDirectory _data = new();
        private AzuriteProcess? _azurite;

        public string ConnectionString => _azurite!.ConnectionString;

        public async ValueTask InitializeAsync() =>
            _azurite = await AzuriteProcess.StartAsync(new AzuriteStartOptions { Location = _data.Path, UseFreePorts = true }, TestContext.Current.CancellationToken);

        /// <summary>Uploads one blob and a record for it, as an earlier failed ingest left it.</summary>
        public async Task<Scope> NewScopeAsync(string blobName, string content, string reason)
        {
            var name = $"r{Guid.NewGuid():N}"[..10];
            var options = new BlobStorageOptions { ArticlesContainer = $"{name}-articles", NormalizedContainer = $"{name}-normalized", RejectedContainer = $"{name}-rejected" };
            var containers = new BlobContainers(new BlobServiceClient(ConnectionString), Options.Create(options));
            await containers.EnsureCreatedAsync(TestContext.Current.CancellationToken);
            var uploaded = await containers.Articles.GetBlobClient(blobName).UploadAsync(BinaryData.FromString(content), TestContext.Current.CancellationToken);
            var at = DateTimeOffset.UtcNow.AddMinutes(-30);
            await new BlobRejectionStore(containers).RecordAsync(
                new Rejection(blobName, uploaded.Value.ETag.ToString(), reason, "from an earlier try", 5, at, at), TestContext.Current.CancellationToken);
            return new Scope(ConnectionString, options, containers);
        }

        public async ValueTask DisposeAsync()
        {
            if (_azurite is not null)
            {
                await _azurite.DisposeAsync();
            }

            _data.Dispose();
        }
    }

    public sealed record Scope(string ConnectionString, BlobStorageOptions Options, BlobContainers Containers)
    {
        public BlobContainerClient Rejected => Containers.Rejected;

        public BlobContainerClient Normalized => Containers.Normalized;

        public string[] Switches(string indexPath) =>
        [
            $"--AzureWebJobsStorage={ConnectionString}",
            $"--Pipeline:Storage:ArticlesContainer={Options.ArticlesContainer}",
            $"--Pipeline:Storage:NormalizedContainer={Options.NormalizedContainer}",
            $"--Pipeline:Storage:RejectedContainer={Options.RejectedContainer}",
            "--Pipeline:Search:Backend=Lucene",
            $"--Pipeline:Lucene:IndexPath={indexPath}",
        ];
    }
}
