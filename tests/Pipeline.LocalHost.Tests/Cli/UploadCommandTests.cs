using Azure.Storage.Blobs;
using Pipeline.Cli;
using Pipeline.LocalHost.Tests.Support;
using Pipeline.Testing;

namespace Pipeline.LocalHost.Tests.Cli;

public sealed class UploadCommandTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Uploads_to_the_configured_articles_container_and_prints_each_name()
    {
        using var files = new TemporaryDirectory("upload-command");
        var story = files.WriteFile("story.txt", "A title\n\nA paragraph.");
        var container = $"cli-{Guid.NewGuid():N}";
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await PipelineCli.RunAsync(
            ["upload", story, $"--AzureWebJobsStorage={azurite.ConnectionString}", $"--Pipeline:Storage:ArticlesContainer={container}"], output, error, TestContext.Current.CancellationToken);

        Assert.True(exitCode == ExitCodes.Success, error.ToString());
        Assert.Contains("Uploaded story.txt (text/plain, 21 bytes)", output.ToString());
        Assert.True(await new BlobContainerClient(azurite.ConnectionString, container).GetBlobClient("story.txt").ExistsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Without_running_storage_it_exits_with_3_and_says_to_start_the_pipeline_first()
    {
        using var files = new TemporaryDirectory("upload-command");
        var story = files.WriteFile("story.txt", "A title\n\nA paragraph.");
        var port = FreePort.Next();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await PipelineCli.RunAsync(
            ["upload", story, $"--AzureWebJobsStorage=BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;AccountName=devstoreaccount1"], output, error, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Unavailable, exitCode);
        Assert.Contains($"no storage at 127.0.0.1:{port}", error.ToString());
        Assert.Contains("Start the pipeline first with: dotnet run -c Release --project src/Pipeline.Cli -- run", error.ToString());
    }

    [Fact]
    public async Task With_wait_reports_an_upload_indexed_once_a_search_finds_it_and_a_broken_one_rejected_with_its_reason()
    {
        var tech = TestData.RequireShared("corpora", "bbc", "tech", "001.txt");
        using var files = new TemporaryDirectory("upload-wait");
        File.Copy(tech, files.Combine("tech.txt"));
        files.WriteFile("broken.json", "{ \"title\": ");
        using var scope = new LocalHostScope();
        // Listings an hour apart: only the upload's announcement brings the files in.
        await using var host = await RunningLocalHost.StartAsync(azurite.ConnectionString, scope, Ct, new Dictionary<string, string?>
        {
            ["Pipeline:LocalHost:Changes:MinScanInterval"] = "01:00:00",
            ["Pipeline:LocalHost:Changes:MaxScanInterval"] = "01:00:00",
        });
        using var output = new StringWriter();
        using var error = new StringWriter();

        string[] settings = [.. scope.Settings(azurite.ConnectionString).Where(s => s.Key != "urls").Select(s => $"--{s.Key}={s.Value}")];
        var exitCode = await PipelineCli.RunAsync(
            ["upload", files.Path, "--wait", "--api", host.Http.BaseAddress!.ToString(), .. settings], output, error, Ct);

        // Not Success: one of the two was rejected.
        Assert.Equal(ExitCodes.Failed, exitCode);
        var lines = output.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines, line => line.StartsWith("indexed   tech.txt -> ", StringComparison.Ordinal));
        Assert.Single(lines, line => line.StartsWith("rejected  broken.json (malformed): ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hands_each_upload_to_the_running_host_with_its_content()
    {
        var tech = TestData.RequireShared("corpora", "bbc", "tech", "001.txt");
        using var files = new TemporaryDirectory("upload-hand-over");
        File.Copy(tech, files.Combine("tech.txt"));
        using var scope = new LocalHostScope();
        await using var host = await RunningLocalHost.StartAsync(azurite.ConnectionString, scope, Ct, new Dictionary<string, string?>
        {
            ["Pipeline:LocalHost:Changes:MinScanInterval"] = "01:00:00",
            ["Pipeline:LocalHost:Changes:MaxScanInterval"] = "01:00:00",
            ["Logging:LogLevel:Pipeline.LocalHost.Changes"] = "Debug",
        });
        using var output = new StringWriter();
        using var error = new StringWriter();

        string[] settings = [.. scope.Settings(azurite.ConnectionString).Where(s => s.Key != "urls").Select(s => $"--{s.Key}={s.Value}")];
        var exitCode = await PipelineCli.RunAsync(
            ["upload", files.Path, "--wait", "--api", host.Http.BaseAddress!.ToString(), .. settings], output, error, Ct);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains(host.Logs.Entries, e => e.Message.StartsWith("tech.txt (", StringComparison.Ordinal) && e.Message.EndsWith("handed over by upload", StringComparison.Ordinal));
    }
}
