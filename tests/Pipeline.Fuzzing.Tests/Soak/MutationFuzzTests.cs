using Pipeline.Cli.Soak.Inputs;
using Pipeline.Testing;

namespace Pipeline.Fuzzing.Tests.Soak;

/// <summary>
/// The bounded fuzz pass CI runs: the hostile corpus, hostile blob names and mutations of the real corpora through the
/// production ingest path into a real Lucene index. Every input must end indexed or rejected with a reason, and be
/// found that way afterwards. The soak command runs the same harness at scale.
/// </summary>
public sealed class MutationFuzzTests
{
    private const int Inputs = 300;

    [Fact]
    public async Task Every_fuzzed_input_ends_indexed_or_rejected_and_none_is_lost()
    {
        var corpus = SeedCorpus.Load(
        [
            TestData.RequireShared("corpora", "bbc"),
            TestData.RequireShared("corpora", "readability"),
            TestData.RequireShared("corpora", "postlight"),
            TestData.RequireShared("samples"),
        ]);
        await using var harness = new SoakHarness();

        var report = await harness.RunAsync(SoakInputs.Generate(corpus, Inputs, seed: 20251125, includeLarge: false), cancellationToken: TestContext.Current.CancellationToken);

        TestContext.Current.SendDiagnosticMessage(report.Format());
        Assert.Equal(Inputs, report.Processed);
        Assert.True(report.Crashes.Count == 0, report.Format());
        Assert.True(report.Lost.Count == 0, report.Format());
        Assert.Equal(0, report.DuplicateIds);
        Assert.Equal(report.Processed, report.Indexed + report.Rejected);
        Assert.Equal(report.Articles, report.IndexCount);
        Assert.True(report.Indexed > Inputs / 4, $"only {report.Indexed} of {Inputs} inputs were indexed: the corpus did not reach the index");
    }
}
