using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ingestion.Redrive;
using Pipeline.Core.Search;
using Pipeline.Hosting;
using Pipeline.LocalHost.Azurite;
using Pipeline.LocalHost.Configuration;
using Pipeline.Storage;

namespace Pipeline.Cli.Redrive;

/// <summary>
/// <c>redrive (--all | --reason CODE) [--dry-run] [--Key=value...]</c>: re-ingests rejected and parked blobs straight
/// from storage through the ingestor the hosts use, clears the records of those that succeed, and prints a summary.
/// Touching the blobs instead would not work: the trigger keeps a receipt per blob version and ignores an unchanged one.
/// </summary>
public sealed class RedriveCommand(TextWriter output, TextWriter error)
{
    public async Task<int> ExecuteAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parsed = RedriveArguments.Parse(args);
        if (parsed.HelpRequested)
        {
            PipelineUsage.Write(output);
            return ExitCodes.Success;
        }

        if (parsed.Problem is { } problem)
        {
            await error.WriteLineAsync($"redrive: {problem} See --help.");
            return ExitCodes.Usage;
        }

        var repository = RepositoryLayout.Discover();
        var configuration = LocalConfiguration.Build(parsed.Switches, repository.SettingsFile, repository);
        var storage = configuration.GetSection(BlobStorageOptions.SectionName).Get<BlobStorageOptions>() ?? new BlobStorageOptions();
        if (AzuriteEndpoints.TryParse(configuration[storage.ConnectionName], out var endpoints)
            && !(await StorageEndpointProbe.ProbeAsync(endpoints.Blob, cancellationToken)).AnswersHttp)
        {
            await error.WriteLineAsync($"redrive: no storage at {endpoints.Blob.Authority} ('{storage.ConnectionName}'). Start Azurite or the local host first.");
            return ExitCodes.Failed;
        }

        await using var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace))
            .AddPipeline(configuration)
            .BuildServiceProvider();
        try
        {
            // Opened here rather than mid-run: the embedded index has one writer, and a running local host is it.
            _ = services.GetRequiredService<IArticleIndex>();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync(
                $"redrive: cannot open the search index: {ex.Message}{Environment.NewLine}" +
                "The embedded index has a single writer: stop the local host (it re-drives parked blobs itself), then run redrive again.");
            return ExitCodes.Failed;
        }

        var request = parsed.Reason is { } reason ? RedriveRequest.WithReason(reason, parsed.DryRun) : RedriveRequest.All(parsed.DryRun);
        var report = await services.GetRequiredService<RejectionRedriver>()
            .RedriveAsync(request, new SynchronousProgress(item => WriteItem(item, parsed.DryRun)), cancellationToken);

        await output.WriteLineAsync(report.DryRun
            ? $"{report.Selected} record(s) would be re-driven (dry run; nothing changed)."
            : $"{report.Selected} record(s) re-driven: {report.Resolved} resolved, {report.StillFailing} still failing.");
        return report.StillFailing == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    private void WriteItem(RedriveItem item, bool dryRun)
    {
        var record = item.Rejection;
        var was = $"{record.Reason}, {record.Attempts} attempt(s), last {record.LastAttemptAt:u}";
        var line = dryRun
            ? $"would re-drive  {record.BlobName}  ({was}): {record.Message}"
            : item.Outcome switch
            {
                IngestOutcome.Indexed => $"indexed         {record.BlobName}  (was {was})",
                IngestOutcome.Gone => $"gone            {record.BlobName}  (deleted meanwhile; record cleared)",
                IngestOutcome.Superseded => $"superseded      {record.BlobName}  (a newer version is indexed)",
                { } outcome => $"{outcome.ToString().ToLowerInvariant(),-15} {record.BlobName}: {item.Error}",
                null => $"still failing   {record.BlobName}: {item.Error}",
            };
        lock (output)
        {
            output.WriteLine(line);
        }
    }

    private sealed class SynchronousProgress(Action<RedriveItem> report) : IProgress<RedriveItem>
    {
        public void Report(RedriveItem value) => report(value);
    }
}
