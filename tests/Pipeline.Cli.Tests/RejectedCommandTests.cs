using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Pipeline.Core.Ingestion;
using Pipeline.LocalHost.Azurite;
using Pipeline.Storage;

namespace Pipeline.Cli.Tests;

/// <summary><c>rejected list</c>, <c>rejected retry</c>, <c>status</c> and <c>reindex</c> against a real Azurite and a Lucene index of its own, as after a fix.</summary>
public sealed class RejectedCommandTests(RejectedCommandTests.Storage storage) : IClassFixture<RejectedCommandTests.Storage>
{
    private const string Story = "Storm closes the harbour\n\nThe harbour closed on Tuesday as the storm came in from the west.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Re_ingests_recorded_blobs_and_clears_the_records_that_succeed()
    {
        using var index = new TemporaryDirectory();
        var scope = await storage.NewScopeAsync("storm.txt", Story, reason: "TooLarge");

        var run = await CliRun.RunAsync(["rejected", "retry", "--all", .. scope.Switches(index.Path)]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("indexed         storm.txt", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 record(s) retried: 1 resolved, 0 still failing.", run.Output, StringComparison.Ordinal);
        Assert.False(await scope.Rejected.GetBlobClient("storm.txt.json").ExistsAsync(Ct));
        Assert.Single(scope.Normalized.GetBlobs(cancellationToken: Ct));
    }

    [Fact]
    public async Task A_dry_run_lists_the_records_and_changes_nothing()
    {
        using var index = new TemporaryDirectory();
        var scope = await storage.NewScopeAsync("storm.txt", Story, reason: "Parked");

        var run = await CliRun.RunAsync(["rejected", "retry", "--reason", "parked", "--dry-run", .. scope.Switches(index.Path)]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("would retry     storm.txt  (Parked, 5 attempt(s)", run.Output, StringComparison.Ordinal);
        Assert.True(await scope.Rejected.GetBlobClient("storm.txt.json").ExistsAsync(Ct));
        Assert.Empty(scope.Normalized.GetBlobs(cancellationToken: Ct));
    }

    [Fact]
    public async Task A_blob_that_still_fails_keeps_its_record_and_the_exit_code_says_so()
    {
        using var index = new TemporaryDirectory();
        var scope = await storage.NewScopeAsync("blank.txt", "   ", reason: "Empty");

        var run = await CliRun.RunAsync(["rejected", "retry", "--reason", "Empty", .. scope.Switches(index.Path)]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("1 record(s) retried: 0 resolved, 1 still failing.", run.Output, StringComparison.Ordinal);
        var record = (await scope.Rejected.GetBlobClient("blank.txt.json").DownloadContentAsync(Ct)).Value.Content.ToObjectFromJson<Rejection>(Core.Serialization.PipelineJson.Options);
        Assert.Equal(6, record!.Attempts);
    }

    [Fact]
    public async Task Lists_the_records_as_JSON_with_reason_and_attempts()
    {
        var scope = await storage.NewScopeAsync("blank.txt", "   ", reason: "Empty");

        var run = await CliRun.RunAsync(["rejected", "list", "--json", .. scope.Switches(indexPath: "unused")]);

        Assert.Equal(0, run.ExitCode);
        var record = Assert.Single(System.Text.Json.JsonDocument.Parse(run.Output).RootElement.EnumerateArray());
        Assert.Equal("blank.txt", record.GetProperty("blobName").GetString());
        Assert.Equal("Empty", record.GetProperty("reason").GetString());
        Assert.Equal(5, record.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Lists_only_the_records_of_the_reason_asked_for()
    {
        var scope = await storage.NewScopeAsync("blank.txt", "   ", reason: "Empty");

        var run = await CliRun.RunAsync(["rejected", "list", "--reason", "TooLarge", .. scope.Switches(indexPath: "unused")]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No rejection records.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_counts_uploads_rejected_by_reason_and_pending()
    {
        var scope = await storage.NewScopeAsync("blank.txt", "   ", reason: "Empty");
        await scope.Containers.Articles.GetBlobClient("waiting.txt").UploadAsync(BinaryData.FromString(Story), Ct);

        var run = await CliRun.RunAsync(["status", "--json", .. scope.Switches(indexPath: "unused")]);

        Assert.Equal(0, run.ExitCode);
        var status = System.Text.Json.JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(2, status.GetProperty("uploaded").GetInt32());
        Assert.Equal(0, status.GetProperty("indexed").GetInt32());
        Assert.Equal(1, status.GetProperty("rejectedByReason").GetProperty("Empty").GetInt32());
        Assert.Equal(1, status.GetProperty("pending").GetInt32());
    }

    [Fact]
    public async Task Reindex_writes_every_normalized_article_into_a_fresh_index()
    {
        using var index = new TemporaryDirectory();
        var scope = await storage.NewScopeAsync("storm.txt", Story, reason: "TooLarge");
        Assert.Equal(0, (await CliRun.RunAsync(["rejected", "retry", "--all", .. scope.Switches(index.Path)])).ExitCode);
        using var fresh = new TemporaryDirectory();

        var run = await CliRun.RunAsync(["reindex", .. scope.Switches(fresh.Path)]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 of 1 article(s) written to the index", run.Error, StringComparison.Ordinal);
        Assert.NotEmpty(Directory.EnumerateFiles(fresh.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Upload_wait_reports_what_no_host_ingested_as_pending_when_the_wait_runs_out()
    {
        var scope = await storage.NewScopeAsync("blank.txt", "   ", reason: "Empty");
        using var files = new TemporaryDirectory();
        var story = Path.Combine(files.Path, "story.txt");
        await File.WriteAllTextAsync(story, Story, Ct);

        var run = await CliRun.RunAsync(["upload", story, "--wait", "--timeout", "00:00:01", .. scope.Switches(indexPath: "unused")]);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("pending   story.txt", run.Output, StringComparison.Ordinal);
        Assert.Contains("0 indexed, 0 rejected, 1 still pending.", run.Error, StringComparison.Ordinal);
        Assert.True(await scope.Containers.Articles.GetBlobClient("story.txt").ExistsAsync(Ct));
    }

    [Fact]
    public async Task Upload_prints_one_JSON_object_per_file_and_a_summary_on_standard_error()
    {
        var scope = await storage.NewScopeAsync("blank.txt", "   ", reason: "Empty");
        using var files = new TemporaryDirectory();
        await File.WriteAllTextAsync(Path.Combine(files.Path, "a.txt"), Story, Ct);
        Directory.CreateDirectory(Path.Combine(files.Path, "world"));
        await File.WriteAllTextAsync(Path.Combine(files.Path, "world", "b.md"), "# B\n\nText.", Ct);

        var run = await CliRun.RunAsync(["upload", files.Path, "--json", "--parallel", "2", .. scope.Switches(indexPath: "unused")]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["a.txt", "world/b.md"], run.Lines.Select(line => line.GetProperty("blob").GetString()).Order(StringComparer.Ordinal));
        Assert.Contains("2 file(s)", run.Error, StringComparison.Ordinal);
        Assert.Contains("files/s", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "rejected", "retry" }, "Say which records")]
    [InlineData(new[] { "rejected", "retry", "--all", "--reason", "Parked" }, "exclude each other")]
    [InlineData(new[] { "rejected", "retry", "--all", "--everything" }, "unknown option '--everything'")]
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
            _azurite = await AzuriteProcess.StartAsync(new AzuriteStartOptions { Location = _data.Path, UseFreePorts = true, StartTimeout = TimeSpan.FromMinutes(2) }, TestContext.Current.CancellationToken);

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
