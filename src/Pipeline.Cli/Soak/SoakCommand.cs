using System.Globalization;
using Pipeline.Fuzzing.Soak;

namespace Pipeline.Cli.Soak;

/// <summary>
/// <c>soak [--count N] [--seed N] [--corpus PATH]... [--no-large]</c>: runs the hostile corpus and mutations of real
/// files through the production ingest path into a real Lucene index, and prints what became of them. Exits with
/// <see cref="ExitCodes.Failed"/> when any input crashed, was lost or was duplicated.
/// </summary>
public sealed class SoakCommand(TextWriter output, TextWriter error)
{
    public const int DefaultCount = 10_000;
    public const int DefaultSeed = 1;
    public const string DefaultCorpus = "../shared/corpora";

    /// <param name="args">The arguments after the command name.</param>
    public async Task<int> ExecuteAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var count = DefaultCount;
        var seed = DefaultSeed;
        var corpora = new List<string>();
        var includeLarge = true;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help" or "-?":
                    PipelineUsage.Write(output);
                    return ExitCodes.Success;
                case "--count" when i + 1 < args.Count && TryParseCount(args[i + 1], out count):
                case "--seed" when i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out seed):
                    i++;
                    break;
                case "--corpus" when i + 1 < args.Count:
                    corpora.Add(args[++i]);
                    break;
                case "--no-large":
                    includeLarge = false;
                    break;
                case "--count" or "--seed" or "--corpus":
                    return await UsageErrorAsync($"soak: {args[i]} needs a value{(args[i] == "--corpus" ? string.Empty : ": a whole number")}.");
                default:
                    return await UsageErrorAsync($"soak: unknown argument '{args[i]}'.");
            }
        }

        if (corpora.Count == 0)
        {
            corpora.Add(DefaultCorpus);
        }

        SeedCorpus corpus;
        try
        {
            corpus = SeedCorpus.Load(corpora);
        }
        catch (DirectoryNotFoundException ex)
        {
            return await UsageErrorAsync($"soak: {ex.Message}");
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
            return ExitCodes.Failed;
        }

        await output.WriteAsync(report.Format());
        return report.Healthy ? ExitCodes.Success : ExitCodes.Failed;
    }

    private static bool TryParseCount(string text, out int count) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out count) && count > 0;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private async Task<int> UsageErrorAsync(string message)
    {
        await error.WriteLineAsync(message);
        await error.WriteLineAsync("See --help.");
        return ExitCodes.Usage;
    }
}
