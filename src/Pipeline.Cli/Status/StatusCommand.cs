using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Pipeline.Cli.CommandLine;
using Pipeline.Core.Serialization;
using Pipeline.Storage;
using Spectre.Console;

namespace Pipeline.Cli.Status;

/// <summary><c>status</c>: how many uploads are indexed, rejected (by reason) and pending, read from storage.</summary>
internal static class StatusCommand
{
    // Reason codes are printed as they are spelled everywhere else (Empty, TooLarge), not camel-cased as dictionary keys.
    private static readonly JsonSerializerOptions Json = new(PipelineJson.Options) { DictionaryKeyPolicy = null };

    public static Command Create(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print the counts as JSON." };
        var storage = new StorageSelection();
        var command = storage.AddTo(new Command("status", "Count the uploads that are indexed, rejected (by reason) and still pending, straight from storage. Works while the host runs.") { json })
            .WithExamples(
                "pipeline status",
                "pipeline status --json | jq .pending",
                "pipeline status --account-url https://myaccount.blob.core.windows.net");
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var configuration = await storage.ConnectAsync(parsed, cancellationToken);
            await using var services = PipelineServices.Create(configuration);
            var status = await PipelineStatus.ReadAsync(services, cancellationToken);
            if (parsed.GetValue(json))
            {
                await console.Output.WriteLineAsync(JsonSerializer.Serialize(status, Json));
                return ExitCodes.Success;
            }

            var containers = StorageSelection.StorageOptions(configuration);
            Write(console.Out, status, containers);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(IAnsiConsole console, PipelineStatus status, BlobStorageOptions containers)
    {
        static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Uploads").AddColumn(new TableColumn("Count").RightAligned()).AddColumn("From");
        table.AddRow("Uploaded", N(status.Uploaded), Markup.Escape($"'{containers.ArticlesContainer}' container"));
        table.AddRow("[green]Indexed[/]", N(status.Indexed), Markup.Escape($"{N(status.Articles)} article(s) in '{containers.NormalizedContainer}'"));
        table.AddRow("[red]Rejected[/]", N(status.Rejected), Markup.Escape($"records in '{containers.RejectedContainer}'"));
        foreach (var (reason, count) in status.RejectedByReason)
        {
            table.AddRow(Markup.Escape($"  {reason}"), N(count), string.Empty);
        }

        table.AddRow("[yellow]Pending[/]", N(status.Pending), "neither indexed nor rejected yet");
        console.Write(table);
    }
}
