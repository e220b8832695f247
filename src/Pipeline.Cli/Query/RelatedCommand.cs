using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Pipeline.Cli.CommandLine;
using Pipeline.Core.Related;
using Pipeline.Core.Serialization;
using Spectre.Console;

namespace Pipeline.Cli.Query;

/// <summary><c>related &lt;id&gt;</c>: the headlines an article links to and the articles most like it.</summary>
internal static class RelatedCommand
{
    public static Command Create(CliConsole console)
    {
        var id = new Argument<string>("id") { Description = "The article id, as search lists it." };
        var top = new Option<int?>("--top") { Description = "How many similar articles (default 5).", HelpName = "n" };
        var json = new Option<bool>("--json") { Description = "Print the API's JSON response instead of tables." };
        var api = new ApiConnection();
        var command = api.AddTo(new Command("related", "Show what an article links to (resolved to indexed articles where possible) and the articles most like it.") { id, top, json })
            .WithExamples(
                "pipeline related \"$(pipeline search ceasefire --top 1 --json | jq -r '.value[0].id')\"",
                "pipeline related <id> --top 10 --json | jq '.similar[].title'");

        command.SetAction(async (parsed, cancellationToken) =>
        {
            var articleId = parsed.GetValue(id)!;
            var query = parsed.GetValue(top) is { } n ? $"?top={n.ToString(CultureInfo.InvariantCulture)}" : string.Empty;
            using var document = await api.GetAsync(parsed, $"articles/{Uri.EscapeDataString(articleId)}/related{query}", cancellationToken);
            if (document is null)
            {
                await console.Error.WriteLineAsync($"pipeline related: no article '{articleId}' in the index.");
                return ExitCodes.Failed;
            }

            if (parsed.GetValue(json))
            {
                await JsonOutput.WriteAsync(console.Output, document);
                return ExitCodes.Success;
            }

            Write(console.Out, document.RootElement.Deserialize<RelatedArticles>(PipelineJson.Options)!);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(IAnsiConsole console, RelatedArticles related)
    {
        var similar = new Table().Border(TableBorder.Rounded).Title("Most like it")
            .AddColumn("Id").AddColumn("Title").AddColumn(new TableColumn("Score").RightAligned()).AddColumn("Shared terms");
        foreach (var article in related.Similar)
        {
            similar.AddRow(
                Markup.Escape(article.Id),
                Markup.Escape(article.Title),
                article.Score.ToString("0.00", CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(", ", article.SharedTerms)));
        }

        console.Write(similar);
        if (related.Editorial.Count > 0)
        {
            var links = new Table().Border(TableBorder.Rounded).Title("Links in the article")
                .AddColumn("Headline").AddColumn("Indexed as").AddColumn(new TableColumn("Confidence").RightAligned());
            foreach (var link in related.Editorial)
            {
                links.AddRow(
                    Markup.Escape(link.Title),
                    Markup.Escape(link.ArticleId ?? "-"),
                    link.Confidence.ToString("0.00", CultureInfo.InvariantCulture));
            }

            console.Write(links);
        }
    }
}
