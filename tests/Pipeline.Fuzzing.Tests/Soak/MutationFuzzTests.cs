using System.Text.Json;
using Pipeline.Cli;
using Pipeline.Testing;

namespace Pipeline.Fuzzing.Tests.Soak;

/// <summary>
/// The bounded fuzz pass CI runs: <c>pipeline soak</c> with the hostile corpus, hostile blob names and mutations of the
/// real corpora, uploaded to an Azurite the command starts on free ports and ingested into a real Lucene index. Every
/// input storage takes must end indexed or rejected with a reason, and be found that way afterwards. The soak at scale
/// is the same command with a larger count.
/// </summary>
public sealed class MutationFuzzTests
{
    private const int Inputs = 300;

    [Fact]
    public async Task Every_fuzzed_input_ends_indexed_or_rejected_and_none_is_lost()
    {
        string[] corpora =
        [
            TestData.RequireShared("corpora", "bbc"),
            TestData.RequireShared("corpora", "readability"),
            TestData.RequireShared("corpora", "postlight"),
            TestData.RequireShared("samples"),
        ];
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await PipelineCli.RunAsync(
            ["soak", "--count", $"{Inputs}", "--seed", "20251125", "--no-large", "--json", .. corpora.SelectMany(path => new[] { "--corpus", path })],
            output,
            error,
            TestContext.Current.CancellationToken);

        TestContext.Current.SendDiagnosticMessage(output.ToString() + error);
        Assert.True(exitCode == 0, $"exit code {exitCode}: {error}");
        using var report = JsonDocument.Parse(output.ToString());
        var root = report.RootElement;
        var refused = root.GetProperty("refusedByStorage").GetArrayLength();
        Assert.Equal(Inputs, root.GetProperty("inputs").GetInt32());
        Assert.Equal(0, root.GetProperty("crashes").GetArrayLength());
        Assert.Equal(0, root.GetProperty("lost").GetArrayLength());
        Assert.Equal(0, root.GetProperty("duplicateIds").GetInt32());
        Assert.Equal(Inputs - refused, root.GetProperty("indexed").GetInt32() + root.GetProperty("rejected").GetInt32());
        Assert.Equal(root.GetProperty("articles").GetInt64(), root.GetProperty("indexCount").GetInt64());
        Assert.True(root.GetProperty("indexed").GetInt32() > Inputs / 4, $"only {root.GetProperty("indexed")} of {Inputs} inputs were indexed: the corpus did not reach the index");
    }
}
