using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Cli.CommandLine;
using Pipeline.Cli.Soak.Inputs;
using Pipeline.Core.Serialization;
using Pipeline.Storage;

namespace Pipeline.Cli.Soak;

/// <summary>
/// <c>soak</c>: uploads the hostile corpus and mutations of real files to storage and ingests each one through the
/// product's ingest path into a real index, then checks that every input is found again. Exits with
/// <see cref="ExitCodes.Failed"/> when any input crashed, was lost or was duplicated.
/// </summary>
internal static class SoakCommand
{
    public const int DefaultCount = 10_000;
    public const int DefaultSeed = 1;
    public const int DefaultParallel = 4;
    public const string DefaultCorpus = "../shared/corpora";

    /// <summary>Inputs between progress lines when standard error is not a terminal.</summary>
    private const int ProgressLineEvery = 500;

    public static Command Create(CliConsole console)
    {
        var count = new Option<int>("--count") { Description = $"Inputs to run (default {DefaultCount:N0}).", HelpName = "n", DefaultValueFactory = _ => DefaultCount };
        count.Validators.Add(result => OptionRules.InRange(result, 1, int.MaxValue));
        var seed = new Option<int>("--seed") { Description = $"The same seed gives the same inputs (default {DefaultSeed}).", HelpName = "n", DefaultValueFactory = _ => DefaultSeed };
        var corpora = new Option<string[]>("--corpus") { Description = $"Files to mutate, repeatable (default {DefaultCorpus}).", HelpName = "file-or-folder" };
        var noLarge = new Option<bool>("--no-large") { Description = "Leave out the 50 MB inputs and the gzip bomb." };
        var parallel = new Option<int>("--parallel") { Description = $"Inputs uploaded and ingested at a time (default {DefaultParallel}).", HelpName = "n", DefaultValueFactory = _ => DefaultParallel };
        parallel.Validators.Add(result => OptionRules.InRange(result, 1, 64));
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var storage = new StorageSelection();
        var command = storage.AddTo(new Command(
            "soak",
            "Check that ingest survives hostile input: upload hostile and mutated inputs to storage and ingest each one as the " +
            "blob trigger does (size check, download, normalizer, enricher, normalized and rejected containers, index): first " +
            "the hostile corpus (empty, binary, broken encodings, deep nesting, entity bombs, broken JSON, hostile blob names), " +
            "then large inputs and a gzip bomb, then files under --corpus, one in ten as they are and the rest mutated. " +
            "Afterwards every input must be found again, as its articles or as a rejection. Prints inputs, indexed, rejected " +
            "by reason, crashes, lost, duration and rate.")
        {
            count, seed, corpora, noLarge, parallel, json,
        }).WithNotes(StorageHelp).WithExamples(
            "pipeline soak --count 1000 --no-large",
            "pipeline soak --count 10000 --seed 7 --corpus ../shared/corpora --corpus samples",
            "pipeline soak --count 500 --json | jq '{crashes: (.crashes | length), lost: (.lost | length)}'",
            "pipeline soak --account-url https://myaccount.blob.core.windows.net --count 2000");
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var roots = parsed.GetValue(corpora) is { Length: > 0 } paths ? paths : [DefaultCorpus];
            SeedCorpus corpus;
            try
            {
                corpus = SeedCorpus.Load(roots);
            }
            catch (DirectoryNotFoundException ex)
            {
                throw new CommandUsageException(ex.Message);
            }

            var inputs = SoakInputs.Generate(corpus, parsed.GetValue(count), parsed.GetValue(seed), !parsed.GetValue(noLarge)).ToList();
            await using var soak = await SoakStorage.CreateAsync(storage.Build(parsed), startAzurite: !storage.IsAccountGiven(parsed), cancellationToken);
            await console.Error.WriteLineAsync(Invariant(
                $"Soaking {inputs.Count:N0} inputs (seed {parsed.GetValue(seed)}) from the hostile corpus and {corpus.Files.Count:N0} files under {string.Join(", ", roots)} on {soak.Description}…"));
            var report = await RunAsync(soak, inputs, parsed.GetValue(parallel), console, cancellationToken);
            if (parsed.GetValue(json))
            {
                await console.Output.WriteLineAsync(JsonSerializer.Serialize(report, PipelineJson.Indented));
            }
            else
            {
                await console.Output.WriteAsync(report.Format());
            }

            return report.Healthy ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    private const string StorageHelp = """
        Storage: by default the soak starts an Azurite of its own on free ports, with its data in a temporary folder, and
        stops and removes it afterwards. With --account-url it works in containers soak-<run>-articles, -normalized and
        -rejected of that account, and deletes them afterwards. The index is always a Lucene index in a temporary folder,
        so a soak never changes a deployment's articles or index.
        """;

    private static async Task<SoakReport> RunAsync(SoakStorage soak, IReadOnlyList<SoakInput> inputs, int parallel, CliConsole console, CancellationToken cancellationToken)
    {
        await using var services = PipelineServices.Create(soak.Configuration, LogLevel.Error);
        var containers = services.GetRequiredService<BlobContainers>();
        await containers.EnsureCreatedAsync(cancellationToken);
        try
        {
            var run = new SoakRun(services) { Parallelism = parallel };
            SoakReport? report = null;
            var logged = 0;
            await ProgressDisplay.RunAsync(console.Err, "Soaking", "inputs", inputs.Count, async tick =>
                report = await run.RunAsync(
                    inputs,
                    (ok, bytes) =>
                    {
                        tick(ok, bytes);

                        // Without a terminal there is no bar; a line every so often tells a log the run is alive.
                        var done = Interlocked.Increment(ref logged);
                        if (!console.Err.Profile.Capabilities.Interactive && done % ProgressLineEvery == 0)
                        {
                            console.Error.WriteLine(Invariant($"{done:N0} of {inputs.Count:N0} inputs"));
                        }
                    },
                    cancellationToken));
            return report!;
        }
        finally
        {
            await soak.DeleteContainersAsync(containers, CancellationToken.None);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
