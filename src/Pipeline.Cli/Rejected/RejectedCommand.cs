using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Cli.CommandLine;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ingestion.Redrive;
using Pipeline.Core.Serialization;
using Spectre.Console;

namespace Pipeline.Cli.Rejected;

/// <summary>
/// <c>rejected list</c> and <c>rejected retry</c>: the inputs that did not become articles, and re-driving them
/// straight from storage through the ingestor the hosts use. Touching the blobs instead would not work: ingest keeps
/// a receipt per blob version and ignores an unchanged one.
/// </summary>
internal static class RejectedCommand
{
    public static Command Create(CliConsole console) =>
        new Command("rejected", "The uploads that did not become articles: list them, and retry them after a fix.")
        {
            CreateList(console),
            CreateRetry(console),
        }.WithExamples(
            "pipeline rejected list",
            "pipeline rejected retry --reason tooLarge --dry-run");

    private static Option<string?> ReasonOption(string description) =>
        new("--reason") { Description = description, HelpName = "code" };

    private static Command CreateList(CliConsole console)
    {
        var reason = ReasonOption("Only records with this reason code (parked, unavailable, empty, tooLarge, malformed, ...; any case).");
        var json = new Option<bool>("--json") { Description = "Print the records as a JSON array." };
        var storage = new StorageSelection();
        var command = storage.AddTo(new Command("list", "List the rejection records: blob, reason, attempts, when, why. Works while the host runs.") { reason, json })
            .WithExamples(
                "pipeline rejected list",
                "pipeline rejected list --reason malformed",
                "pipeline rejected list --json | jq -r '.[].blobName'");
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var configuration = await storage.ConnectAsync(parsed, cancellationToken);
            await using var services = PipelineServices.Create(configuration);
            var wanted = parsed.GetValue(reason);
            var records = new List<Rejection>();
            await foreach (var record in services.GetRequiredService<IRejectionStore>().ListAsync(cancellationToken))
            {
                if (wanted is null || string.Equals(record.Reason, wanted, StringComparison.OrdinalIgnoreCase))
                {
                    records.Add(record);
                }
            }

            records.Sort((a, b) => string.CompareOrdinal(a.BlobName, b.BlobName));
            if (parsed.GetValue(json))
            {
                await console.Output.WriteLineAsync(JsonSerializer.Serialize(records, PipelineJson.Options));
                return ExitCodes.Success;
            }

            WriteTable(console.Out, records);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteTable(IAnsiConsole console, IReadOnlyList<Rejection> records)
    {
        if (records.Count == 0)
        {
            console.WriteLine("No rejection records.");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Blob").AddColumn("Reason").AddColumn(new TableColumn("Attempts").RightAligned()).AddColumn("Last attempt").AddColumn("Message");
        foreach (var record in records)
        {
            table.AddRow(
                Markup.Escape(record.BlobName),
                Markup.Escape(record.Reason),
                record.Attempts.ToString(CultureInfo.InvariantCulture),
                record.LastAttemptAt.ToString("u", CultureInfo.InvariantCulture),
                Markup.Escape(record.Message));
        }

        console.Write(table);
        console.WriteLine($"{records.Count} record(s).");
    }

    private static Command CreateRetry(CliConsole console)
    {
        var all = new Option<bool>("--all") { Description = "Retry every record." };
        var reason = ReasonOption("Retry the records with this reason code (parked, unavailable, or a normalization code such as tooLarge).");
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be retried and change nothing." };
        var storage = new StorageSelection();
        var command = storage.AddTo(new Command(
            "retry",
            "Re-ingest the blobs that have a rejection record (after a fix: a raised limit, a new version of the code), straight " +
            "from storage through the ingestor the hosts run, and clear the record of each one that is indexed now. The embedded " +
            "index has one writer: stop the local host first (it retries parked blobs itself once search answers).")
        {
            all, reason, dryRun,
        }).WithExamples(
            "pipeline rejected retry --reason tooLarge --dry-run",
            "pipeline rejected retry --all",
            "pipeline rejected retry --reason parked --Pipeline:Lucene:IndexPath=/tmp/index");
        command.Validators.Add(result =>
        {
            var hasReason = result.GetResult(reason) is not null;
            var hasAll = result.GetValue(all);
            if (hasReason == hasAll)
            {
                result.AddError(hasAll ? "--all and --reason exclude each other." : "Say which records: --all, or --reason CODE.");
            }
        });
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var configuration = await storage.ConnectAsync(parsed, cancellationToken);
            await using var services = PipelineServices.Create(configuration);
            PipelineServices.OpenIndexForWriting(services);

            var isDryRun = parsed.GetValue(dryRun);
            var request = parsed.GetValue(reason) is { } code ? RedriveRequest.WithReason(code, isDryRun) : RedriveRequest.All(isDryRun);
            var report = await services.GetRequiredService<RejectionRedriver>()
                .RedriveAsync(request, new SynchronousProgress(item => WriteItem(console.Output, item, isDryRun)), cancellationToken);

            await console.Output.WriteLineAsync(report.DryRun
                ? $"{report.Selected} record(s) would be retried (dry run; nothing changed)."
                : $"{report.Selected} record(s) retried: {report.Resolved} resolved, {report.StillFailing} still failing.");
            return report.StillFailing == 0 ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    private static void WriteItem(TextWriter output, RedriveItem item, bool dryRun)
    {
        var record = item.Rejection;
        var was = $"{record.Reason}, {record.Attempts} attempt(s), last {record.LastAttemptAt:u}";
        var line = dryRun
            ? $"would retry     {record.BlobName}  ({was}): {record.Message}"
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
