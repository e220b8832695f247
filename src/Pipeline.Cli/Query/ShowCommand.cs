using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Pipeline.Cli.CommandLine;
using Pipeline.Core.Articles;
using Pipeline.Core.Serialization;
using Spectre.Console;

namespace Pipeline.Cli.Query;

/// <summary><c>show &lt;id&gt;</c>: one indexed article, as the API returns it.</summary>
internal static class ShowCommand
{
    public static Command Create(CliConsole console)
    {
        var id = new Argument<string>("id") { Description = "The article id, as search lists it." };
        var json = new Option<bool>("--json") { Description = "Print the article's JSON instead of a summary and its text." };
        var api = new ApiConnection();
        var command = api.AddTo(new Command("show", "Show one indexed article: its fields and its text, through the pipeline API.") { id, json })
            .WithExamples(
                "pipeline show \"$(pipeline search ceasefire --top 1 --json | jq -r '.value[0].id')\"",
                "pipeline show <id> --json | jq .sections");

        command.SetAction(async (parsed, cancellationToken) =>
        {
            var articleId = parsed.GetValue(id)!;
            using var document = await api.GetAsync(parsed, $"articles/{Uri.EscapeDataString(articleId)}", cancellationToken);
            if (document is null)
            {
                await console.Error.WriteLineAsync($"pipeline show: no article '{articleId}' in the index.");
                return ExitCodes.Failed;
            }

            if (parsed.GetValue(json))
            {
                await JsonOutput.WriteAsync(console.Output, document);
                return ExitCodes.Success;
            }

            Write(console.Out, document.RootElement.Deserialize<Article>(PipelineJson.Options)!);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(IAnsiConsole console, Article article)
    {
        var fields = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                fields.AddRow(new Markup($"[grey]{name}[/]"), new Markup(Markup.Escape(value)));
            }
        }

        Add("Id", article.Id);
        Add("Source", article.Source.BlobName);
        Add("Format", article.Format.ToString());
        Add("Authors", string.Join(", ", article.Authors));
        Add("Published", article.Published?.ToString("u", CultureInfo.InvariantCulture));
        Add("Site", article.SiteName);
        Add("Language", article.Language);
        Add("Tags", string.Join(", ", article.Tags));
        Add("Words", article.WordCount.ToString("N0", CultureInfo.InvariantCulture));
        Add("Summary", article.Summary);
        console.Write(new Panel(fields).Header(Markup.Escape(article.Title)).Expand());
        console.WriteLine(article.Body);
    }
}
