using Microsoft.Extensions.Configuration;
using Pipeline.LocalHost.Azurite;
using Pipeline.LocalHost.Changes;
using Pipeline.LocalHost.Configuration;
using Pipeline.LocalHost.Upload;
using Pipeline.Storage;

namespace Pipeline.Cli.LocalHost;

/// <summary><c>upload &lt;file-or-folder&gt;...</c>: puts files into the articles container for the running host to ingest.</summary>
public sealed class UploadCommand(TextWriter output, TextWriter error)
{
    public async Task<int> ExecuteAsync(ParsedCommandLine commandLine, CancellationToken cancellationToken)
    {
        if (commandLine.Operands.Count == 0)
        {
            await error.WriteLineAsync($"upload: name at least one file or folder, e.g. {PipelineUsage.RunHint} upload ../shared/samples/ukraine-peace-talks.txt");
            return ExitCodes.Usage;
        }

        IReadOnlyList<UploadItem> items;
        try
        {
            items = ArticleUploader.Plan(commandLine.Operands);
        }
        catch (Exception ex) when (ex is FileNotFoundException or ArgumentException)
        {
            await error.WriteLineAsync($"upload: {ex.Message}");
            return ExitCodes.Failed;
        }

        var repository = RepositoryLayout.Discover();
        var configuration = LocalConfiguration.Build(commandLine.Switches, repository.SettingsFile, repository);
        var storage = configuration.GetSection(BlobStorageOptions.SectionName).Get<BlobStorageOptions>() ?? new BlobStorageOptions();
        var connectionString = configuration[storage.ConnectionName];
        if (AzuriteEndpoints.TryParse(connectionString, out var endpoints) &&
            !(await StorageEndpointProbe.ProbeAsync(endpoints.Blob, cancellationToken)).AnswersHttp)
        {
            await error.WriteLineAsync(
                $"upload: no storage at {endpoints.Blob.Authority} ('{storage.ConnectionName}'). " +
                $"Start the pipeline first with: {PipelineUsage.RunHint} run");
            return ExitCodes.Failed;
        }

        var container = BlobServiceClientFactory.Create(configuration, storage.ConnectionName).GetBlobContainerClient(storage.ArticlesContainer);

        // Announced uploads are ingested at once; without the announcement the host finds them at its next listing.
        var changes = configuration.GetSection(ChangeDetectionOptions.SectionName).Get<ChangeDetectionOptions>() ?? new ChangeDetectionOptions();
        var uploads = string.IsNullOrEmpty(connectionString) ? null : UploadQueue.Create(connectionString, storage.ArticlesContainer, changes.UploadQueue);
        var count = 0;
        await foreach (var blob in new ArticleUploader(container).UploadAsync(items, cancellationToken))
        {
            count++;
            if (uploads is not null)
            {
                await uploads.TryAnnounceAsync(blob.Name, cancellationToken);
            }

            await output.WriteLineAsync($"Uploaded {blob.Name} ({blob.ContentType}, {blob.Length:N0} bytes)");
        }

        await output.WriteLineAsync($"{count} file(s) uploaded to '{storage.ArticlesContainer}' at {container.Uri.GetLeftPart(UriPartial.Authority)}.");
        return ExitCodes.Success;
    }
}
