using System.CommandLine;
using System.Globalization;
using Pipeline.Cli.CommandLine;
using Pipeline.Fuzzing.Soak;

namespace Pipeline.Cli.Soak;

/// <summary>
/// <c>soak [--count N] [--seed N] [--corpus PATH]... [--no-large]</c>: runs the hostile corpus and mutations of real
/// files through the production ingest path into a real Lucene index, and prints what became of them. Exits with
/// <see cref="ExitCodes.Failed"/> when any input crashed, was lost or was duplicated.
/// </summary>
internal sealed class SoakCommand(TextWriter output, TextWriter error)
{
    public const int DefaultCount = 10_000;
    public const int DefaultSeed = 1;
    public const string DefaultCorpus = "../shared/corpora";

    public static Command Create(CliConsole console)
    {
        var count = new Option<int>("--count") { Description = $"Inputs to run (default {DefaultCount:N0}).", HelpName = "n", DefaultValueFactory = _ => DefaultCount };
        count.Validators.Add(result => OptionRules.InRange(result, 1, int.MaxValue));
        var seed = new Option<int>("--seed") { Description = $"The same seed gives the same inputs (default {DefaultSeed}).", HelpName = "n", DefaultValueFactory = _ => DefaultSeed };
        var corpora = new Option<string[]>("--corpus") { Description = $"Files to mutate, repeatable (default {DefaultCorpus}).", HelpName = "file-or-folder" };
        var noLarge = new Option<bool>("--no-large") { Description = "Leave out the 50 MB inputs and the gzip bomb." };
        var command = new Command(
            "soak",
            "Run hostile and mutated inputs through the real ingest path (normalizer, enricher, ingestor) into a real Lucene " +
            "index in a temporary folder, with in-memory blob stores: first the hostile corpus (empty, binary, broken encodings, " +
            "deep nesting, entity bombs, broken JSON, hostile blob names), then large inputs and a gzip bomb, then files under " +
            "--corpus, one in ten as they are and the rest mutated. Afterwards every input must be found again, as its articles " +
            "or as a rejection. Prints processed, indexed, rejected by reason, crashes, lost; progress goes to standard error.")
        {
            count, seed, corpora, noLarge,
        }.WithExamples(
            "pipeline soak --count 1000 --no-large",
            "pipeline soak --count 10000 --seed 7 --corpus ../shared/corpora --corpus ../shared/samples");
        command.SetAction(async (parsed, cancellationToken) =>
            await new SoakCommand(console.Output, console.Error).ExecuteAsync(
                parsed.GetValue(count), parsed.GetValue(seed), parsed.GetValue(corpora) is { Length: > 0 } paths ? paths : [DefaultCorpus], !parsed.GetValue(noLarge), cancellationToken));
        return command;
    }

    public async Task<int> ExecuteAsync(int count, int seed, IReadOnlyList<string> corpora, bool includeLarge, CancellationToken cancellationToken = default)
    {
        SeedCorpus corpus;
        try
        {
            corpus = SeedCorpus.Load(corpora);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new CommandUsageException(ex.Message);
        }

        await error.WriteLineAsync(Invariant(
            $"Soaking {count:N0} inputs (seed {seed}) from the hostile corpus and {corpus.Files.Count:N0} files under {string.Join(", ", corpora)}{(includeLarge ? ", large inputs included" : string.Empty)}…"));
        await using var harness = new SoakHarness();
        SoakReport report;
        try
        {
            report = await harness.RunAsync(
                SoakInputs.Generate(corpus, count, seed, includeLarge),
                p => error.WriteLine(Invariant($"{p.Processed:N0} of {count:N0}: {p.Indexed:N0} indexed, {p.Rejected:N0} rejected, {p.Crashes} crashes, {p.Elapsed.TotalSeconds:N0} s")),
                cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Interrupted.");
            return ExitCodes.Interrupted;
        }

        await output.WriteAsync(report.Format());
        return report.Healthy ? ExitCodes.Success : ExitCodes.Failed;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
