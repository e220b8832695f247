using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Cli.CommandLine;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Search;
using Spectre.Console;

namespace Pipeline.Cli.Reindex;

/// <summary>
/// <c>reindex</c>: writes every normalized article (the <c>normalized</c> container) into the search index again, as
/// after a change of the index schema or analyzers, or to fill a new backend. Sources are not normalized again.
/// </summary>
internal static class ReindexCommand
{
    public static Command Create(CliConsole console)
    {
        var parallel = new Option<int>("--parallel")
        {
            Description = "Articles written at a time (default 4).",
            HelpName = "n",
            DefaultValueFactory = _ => 4,
        };
        parallel.Validators.Add(result => OptionRules.InRange(result, 1, 64));
        var storage = new StorageSelection();
        var command = storage.AddTo(new Command(
            "reindex",
            "Rebuild the search index from the normalized articles in storage (adds or replaces each one; to start from an empty " +
            "Lucene index, delete its folder first). The embedded index has one writer: stop the local host first.")
        {
            parallel,
        }).WithExamples(
            "pipeline reindex",
            "pipeline reindex --Pipeline:Lucene:IndexPath=/tmp/fresh-index",
            "pipeline reindex --account-url https://myaccount.blob.core.windows.net --Pipeline:Search:Backend=AzureAISearch");
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var configuration = await storage.ConnectAsync(parsed, cancellationToken);
            await using var services = PipelineServices.Create(configuration);
            var index = PipelineServices.OpenIndexForWriting(services);
            var store = services.GetRequiredService<INormalizedArticleStore>();

            var ids = new List<string>();
            await foreach (var stored in store.ListAsync(cancellationToken))
            {
                ids.Add(stored.Id);
            }

            var outcome = await ProgressDisplay.RunAsync(console.Err, "Reindexing", "articles", ids.Count, async tick =>
                await Parallel.ForEachAsync(
                    ids,
                    new ParallelOptions { MaxDegreeOfParallelism = parsed.GetValue(parallel), CancellationToken = cancellationToken },
                    async (id, ct) => tick(await ReindexAsync(store, index, id, ct), 0)));

            await console.Error.WriteLineAsync(
                $"{outcome.Succeeded:N0} of {ids.Count:N0} article(s) written to the index in {outcome.Elapsed.TotalSeconds:N1} s" +
                (outcome.Failed > 0 ? $"; {outcome.Failed:N0} were deleted from storage meanwhile." : "."));
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<bool> ReindexAsync(INormalizedArticleStore store, IArticleIndex index, string id, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } article)
        {
            return false;
        }

        await index.UpsertAsync(article, cancellationToken);
        return true;
    }
}
