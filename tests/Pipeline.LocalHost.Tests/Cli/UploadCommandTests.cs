using Azure.Storage.Blobs;
using Pipeline.Cli;
using Pipeline.LocalHost.Tests.Support;

namespace Pipeline.LocalHost.Tests.Cli;

public sealed class UploadCommandTests(AzuriteFixture azurite)
{
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
}
