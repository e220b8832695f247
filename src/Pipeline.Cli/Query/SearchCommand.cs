using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Pipeline.Api;
using Pipeline.Api.Binding;
using Pipeline.Cli.CommandLine;
using Pipeline.Core.Search;
using Pipeline.Core.Serialization;
using Spectre.Console;

namespace Pipeline.Cli.Query;

/// <summary><c>search &lt;query&gt;</c>: the API's search, with its options, as a table of hits (or its JSON).</summary>
internal static class SearchCommand
{
    public static Command Create(CliConsole console)
    {
        var query = new Argument<string>("query") { Description = "What to look for: words, \"a phrase\", -excluded, prefix*, or * for everything." };
        var top = new Option<int?>("--top") { Description = "How many hits (default 10, at most 100).", HelpName = "n" };
        var skip = new Option<int?>("--skip") { Description = "Hits to skip, for the next page.", HelpName = "n" };
        var filter = new Option<string?>("--filter") { Description = "OData filter, e.g. \"language eq 'en' and published ge 2024-01-01T00:00:00Z\".", HelpName = "expression" };
        var orderBy = new Option<string?>("--orderby") { Description = "Sort order, e.g. \"published desc\" (default: relevance).", HelpName = "fields" };
        var facets = new Option<string[]>("--facet") { Description = "Count hits per value of a field (tags, language, authors, siteName, format); repeatable.", HelpName = "field" };
        var searchMode = new Option<string?>("--search-mode") { Description = "any (default): a hit matches any word; all: every word.", HelpName = "any|all" };
        var queryType = new Option<string?>("--query-type") { Description = "simple (default) or full (Lucene syntax: fields, fuzzy~, proximity).", HelpName = "simple|full" };
        var searchFields = new Option<string?>("--search-fields") { Description = "Fields to search, comma-separated (title, text, ...).", HelpName = "fields" };
        var json = new Option<bool>("--json") { Description = "Print the API's JSON response instead of a table." };
        var api = new ApiConnection();
        var command = api.AddTo(new Command("search", "Search the indexed articles through the pipeline API (the running host, or --api).")
        {
            query, top, skip, filter, orderBy, facets, searchMode, queryType, searchFields, json,
        }).WithExamples(
            "pipeline search ceasefire",
            "pipeline search \"peace talks\" --top 5 --orderby \"published desc\"",
            "pipeline search '*' --facet tags --facet language --top 0",
            "pipeline search harbour --filter \"language eq 'en'\" --json | jq -r '.value[].title'");

        command.SetAction(async (parsed, cancellationToken) =>
        {
            var parameters = new List<KeyValuePair<string, string?>>
            {
                new(SearchParameterNames.Query, parsed.GetValue(query)),
                new(SearchParameterNames.Top, parsed.GetValue(top)?.ToString(CultureInfo.InvariantCulture)),
                new(SearchParameterNames.Skip, parsed.GetValue(skip)?.ToString(CultureInfo.InvariantCulture)),
                new(SearchParameterNames.Filter, parsed.GetValue(filter)),
                new(SearchParameterNames.OrderBy, parsed.GetValue(orderBy)),
                new(SearchParameterNames.SearchMode, parsed.GetValue(searchMode)),
                new(SearchParameterNames.QueryType, parsed.GetValue(queryType)),
                new(SearchParameterNames.SearchFields, parsed.GetValue(searchFields)),
                // The table shows each hit's snippet with its matches marked, which takes a highlighted body passage.
                new(SearchParameterNames.Highlight, ArticleFieldNames.Body),
            };
            parameters.AddRange((parsed.GetValue(facets) ?? []).Select(facet => new KeyValuePair<string, string?>(SearchParameterNames.Facet, facet)));
            var queryString = string.Join('&', parameters
                .Where(parameter => parameter.Value is not null)
                .Select(parameter => $"{parameter.Key}={Uri.EscapeDataString(parameter.Value!)}"));

            return await api.PrintAsync<SearchResponse>(parsed, $"{ApiRoutes.Search}?{queryString}", parsed.GetValue(json), console, notFound: null, Write, cancellationToken);
        });
        return command;
    }

    private static void Write(IAnsiConsole console, SearchResponse response)
    {
        var shown = response.Value.Count;
        var total = response.Count is { } count ? count.ToString("N0", CultureInfo.InvariantCulture) : "?";
        console.MarkupLine(shown == 0
            ? $"No hits for [bold]{Markup.Escape(response.Query)}[/] ({total} in all)."
            : $"[bold]{total}[/] hits for [bold]{Markup.Escape(response.Query)}[/], showing {response.Skip + 1}-{response.Skip + shown}:");
        if (shown > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).Expand()
                .AddColumn(new TableColumn("#").RightAligned())
                .AddColumn("Title and snippet")
                .AddColumn("Published")
                .AddColumn("Id")
                .AddColumn(new TableColumn("Score").RightAligned());
            var rank = response.Skip;
            foreach (var hit in response.Value)
            {
                table.AddRow(
                    new Markup((++rank).ToString(CultureInfo.InvariantCulture)),
                    new Markup($"[bold]{Markup.Escape(hit.Title)}[/]\n{Snippets.ToMarkup(hit.Snippet)}"),
                    new Markup(hit.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"),
                    new Markup(Markup.Escape(hit.Id)),
                    new Markup(hit.Score.ToString("0.00", CultureInfo.InvariantCulture)));
            }

            console.Write(table);
        }

        foreach (var (field, buckets) in response.Facets ?? new Dictionary<string, IReadOnlyList<Core.Search.Facets.FacetBucket>>())
        {
            var facet = new Table().Border(TableBorder.Simple).Title($"by {Markup.Escape(field)}")
                .AddColumn("Value").AddColumn(new TableColumn("Hits").RightAligned());
            foreach (var bucket in buckets)
            {
                facet.AddRow(Markup.Escape(bucket.Value ?? "(none)"), bucket.Count.ToString("N0", CultureInfo.InvariantCulture));
            }

            console.Write(facet);
        }
    }
}
