using System.Collections.Concurrent;
using System.CommandLine;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Cli.CommandLine;
using Pipeline.Cli.Query;
using Pipeline.Core.Serialization;
using Pipeline.LocalHost.Changes;
using Pipeline.LocalHost.Upload;
using Pipeline.Storage;

namespace Pipeline.Cli.Upload;

/// <summary>
/// <c>upload &lt;files|folders&gt; [--wait]</c>: puts files into the articles container, several at a time, for the
/// running host (or the Function App) to ingest; with <c>--wait</c>, follows each one until it is indexed or rejected.
/// </summary>
internal static class UploadCommand
{
    // A host on this machine answers at once; one that does not is skipped for the queue.
    private static readonly TimeSpan HandOffTimeout = TimeSpan.FromSeconds(5);

    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files and folders. A file is named by its file name, each file below a folder by its path relative to the folder; hidden files are skipped.",
            Arity = ArgumentArity.OneOrMore,
            HelpName = "files|folders",
        };
        var wait = new Option<bool>("--wait") { Description = "Follow each upload until a search finds it (through the pipeline API: the running host, or --api) or it is rejected, and print which." };
        var timeout = new Option<TimeSpan>("--timeout")
        {
            Description = "With --wait: how long to wait before reporting what is still pending (default 00:10:00).",
            HelpName = "hh:mm:ss",
            DefaultValueFactory = _ => TimeSpan.FromMinutes(10),
        };
        var parallel = new Option<int>("--parallel") { Description = "Files uploaded at a time (default 8).", HelpName = "n", DefaultValueFactory = _ => 8 };
        parallel.Validators.Add(result => OptionRules.InRange(result, 1, 64));
        var json = new Option<bool>("--json") { Description = "Print one JSON object per file (with --wait: its outcome) instead of text." };
        var storage = new StorageSelection();
        var api = new ApiConnection();
        var command = api.AddTo(storage.AddTo(new Command("upload", "Upload files to the articles container for the running pipeline to ingest.")
        {
            paths, wait, timeout, parallel, json,
        })).WithExamples(
            "pipeline upload samples/ukraine-peace-talks.txt",
            "pipeline upload samples --wait",
            "pipeline upload ../shared/corpora/bbc --parallel 16",
            "pipeline upload story.md --account-url https://myaccount.blob.core.windows.net --api https://myapp.azurewebsites.net --wait");

        command.SetAction(async (parsed, cancellationToken) =>
        {
            var (files, switches) = ConfigurationSwitches.Of(parsed, paths);
            IReadOnlyList<UploadItem> items;
            try
            {
                items = ArticleUploader.Plan(files);
            }
            catch (Exception ex) when (ex is FileNotFoundException or ArgumentException)
            {
                throw new CommandUsageException(ex.Message);
            }

            var configuration = await storage.ConnectAsync(parsed, cancellationToken, switches);
            var options = StorageSelection.StorageOptions(configuration);
            // The same client the hosts use: built by AddAzureClients, with the shared credential and storage's retry budget.
            await using var clients = new ServiceCollection().AddLogging().AddPipelineBlobStorage(configuration).BuildValidated();
            var container = clients.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(options.ArticlesContainer);
            var uploader = new ArticleUploader(container);
            await uploader.EnsureContainerAsync(cancellationToken);

            // The local host ingests announced uploads at once instead of at its next listing (in Azure, Event Grid
            // delivers them and there is no connection string to announce with). A running host takes them straight,
            // content included; the queue carries them when it does not.
            var connectionString = configuration[options.ConnectionName];
            var uploadQueue = string.IsNullOrEmpty(connectionString) ? null : UploadQueue.Create(
                connectionString,
                options.ArticlesContainer,
                configuration.GetSection(ChangeDetectionOptions.SectionName).Get<ChangeDetectionOptions>()?.UploadQueue);
            await using var announcer = uploadQueue is null ? null : new UploadAnnouncer(uploadQueue);
            using var handOffClient = new HttpClient { Timeout = HandOffTimeout };
            var handOff = uploadQueue is null ? null : await UploadHandOff.FindAsync(uploadQueue, options.ArticlesContainer, handOffClient, cancellationToken);

            var asJson = parsed.GetValue(json);
            var following = parsed.GetValue(wait);
            var uploaded = new ConcurrentQueue<UploadedBlob>();
            var failures = new ConcurrentQueue<(UploadItem Item, string Error)>();
            var totals = await ProgressDisplay.RunAsync(console.Err, "Uploading", "files", items.Count, async tick =>
                await Parallel.ForEachAsync(
                    items,
                    new ParallelOptions { MaxDegreeOfParallelism = parsed.GetValue(parallel), CancellationToken = cancellationToken },
                    async (item, ct) =>
                    {
                        try
                        {
                            var blob = await uploader.UploadAsync(item, handOff is null ? 0 : UploadHandOff.MaxContentBytes, ct);
                            if (!await HandOverAsync(handOff, blob, ct))
                            {
                                announcer?.Add(blob.Name, blob.Length);
                            }

                            blob = blob with { Content = default };
                            uploaded.Enqueue(blob);
                            if (!following)
                            {
                                WriteUploaded(console, blob, asJson);
                            }

                            tick(true, blob.Length);
                        }
                        catch (Exception ex) when (ex is RequestFailedException or IOException or UnauthorizedAccessException)
                        {
                            failures.Enqueue((item, ex.Message));
                            WriteLine(console.Error, $"failed    {item.BlobName}: {ex.Message}");
                            tick(false, 0);
                        }
                    }));

            WriteLine(console.Error,
                $"{totals.Succeeded:N0} file(s), {totals.Bytes / 1024.0 / 1024.0:N2} MB uploaded to '{options.ArticlesContainer}' at " +
                $"{container.Uri.GetLeftPart(UriPartial.Authority)} in {totals.Elapsed.TotalSeconds:N1} s " +
                $"({totals.ItemsPerSecond:N1} files/s, {totals.BytesPerSecond / 1024 / 1024:N2} MB/s)" +
                (failures.IsEmpty ? "." : $"; {failures.Count:N0} failed."));
            if (!following)
            {
                return failures.IsEmpty ? ExitCodes.Success : ExitCodes.Failed;
            }

            if (announcer is not null)
            {
                // Sent before following, so the host is not left waiting for its next listing.
                await announcer.DisposeAsync();
            }

            await using var services = PipelineServices.Create(configuration);
            var outcomes = await new UploadFollower(services, new ApiSearchableCheck(api, parsed), TimeProvider.System).FollowAsync(
                [.. uploaded], parsed.GetValue(timeout), outcome => WriteOutcome(console, outcome, asJson), cancellationToken);
            foreach (var pending in outcomes.Where(outcome => outcome.State == UploadOutcome.Pending))
            {
                WriteOutcome(console, pending, asJson);
            }

            var count = (string state) => outcomes.Count(outcome => outcome.State == state);
            WriteLine(console.Error, $"{count(UploadOutcome.Indexed):N0} indexed, {count(UploadOutcome.Rejected):N0} rejected, {count(UploadOutcome.Pending):N0} still pending.");
            return failures.IsEmpty && outcomes.All(outcome => outcome.State == UploadOutcome.Indexed) ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    private static async Task<bool> HandOverAsync(UploadHandOff? handOff, UploadedBlob blob, CancellationToken cancellationToken) =>
        handOff is not null && blob is { ETag: { } etag, LastModified: { } lastModified } && (blob.Length == 0 || !blob.Content.IsEmpty)
        && await handOff.TryHandOverAsync(blob.Name, blob.Content, blob.ContentType, etag, lastModified, cancellationToken);

    private static void WriteUploaded(CliConsole console, UploadedBlob blob, bool asJson) =>
        WriteLine(console.Output, asJson
            ? JsonSerializer.Serialize(new { blob = blob.Name, blob.ContentType, blob.Length }, PipelineJson.Options)
            : $"Uploaded {blob.Name} ({blob.ContentType}, {blob.Length:N0} bytes)");

    private static void WriteOutcome(CliConsole console, UploadOutcome outcome, bool asJson) =>
        WriteLine(console.Output, asJson
            ? JsonSerializer.Serialize(outcome, PipelineJson.Options)
            : outcome.State switch
            {
                UploadOutcome.Indexed => $"indexed   {outcome.Blob} -> {string.Join(", ", outcome.Ids)}",
                UploadOutcome.Rejected => $"rejected  {outcome.Blob} ({outcome.Reason}): {outcome.Message}",
                _ => $"pending   {outcome.Blob} (neither indexed nor rejected yet)",
            });

    private static void WriteLine(TextWriter writer, string line)
    {
        // Uploads finish on several threads at once; one line must not cut into another.
        lock (writer)
        {
            writer.WriteLine(line);
        }
    }
}
