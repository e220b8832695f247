using Pipeline.Cli.Soak.Inputs;
using Pipeline.Core.Normalization;
using Pipeline.Core.Normalization.Detection;

namespace Pipeline.Fuzzing.Tests.Hostile;

/// <summary>
/// Every hostile input normalizes to an article or is rejected for its stated reason: never another exception, never
/// a hang. The timeout is a safety net so that a regression fails the test instead of stalling the run.
/// </summary>
public sealed class HostileCorpusTests
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromMinutes(2);

    private readonly ArticleNormalizer _normalizer = new();

    public static TheoryData<string> SmallInputs => [.. HostileCorpus.Small.Select(input => input.Name)];

    // The two 50 MB one-liners of other formats and the letter one-liner take the same paths as these; the soak runs them all.
    public static TheoryData<string> LargeInputs => ["one-line.txt", "one-line.html", "bomb.txt.gz"];

    [Theory]
    [MemberData(nameof(SmallInputs))]
    public async Task Small_hostile_input_ends_as_expected(string name)
    {
        var input = HostileCorpus.Small.Single(i => i.Name == name);

        await AssertOutcomeAsync(input);
    }

    [Theory]
    [MemberData(nameof(LargeInputs))]
    public async Task Large_hostile_input_ends_as_expected(string name)
    {
        var input = HostileCorpus.Large.Single(i => i.Name == name);

        await AssertOutcomeAsync(input);
    }

    [Fact]
    public void Corpus_covers_every_rejection_reason_and_accepted_inputs()
    {
        var expected = HostileCorpus.Small.Concat(HostileCorpus.Large).Select(i => i.Expected.RejectedFor).ToHashSet();

        Assert.Contains(null, expected);
        Assert.All(Enum.GetValues<NormalizationErrorCode>(), code => Assert.Contains(code, expected));
    }

    [Fact]
    public void Inputs_are_generated_the_same_every_time()
    {
        Assert.All(HostileCorpus.Small, input => Assert.Equal(input.Generate(), input.Generate()));
    }

    [Fact]
    public void Large_one_liners_are_one_line_of_fifty_megabytes()
    {
        var oneLiner = HostileCorpus.Large.First(i => i.Name == "one-line.txt").Generate();

        Assert.Equal(HostileCorpus.OneLinerBytes, oneLiner.Length);
        Assert.DoesNotContain((byte)'\n', oneLiner);
    }

    private async Task AssertOutcomeAsync(HostileInput input)
    {
        var source = input.ToSource();
        var outcome = await Task.Run(() => Outcome(source), TestContext.Current.CancellationToken).WaitAsync(SafetyNet, TestContext.Current.CancellationToken);

        Assert.True(outcome.Exception is null or NormalizationException, $"{input.Description}: threw {outcome.Exception}");
        if (input.Expected.RejectedFor is { } reason)
        {
            var rejection = Assert.IsType<NormalizationException>(outcome.Exception);
            Assert.Equal(reason, rejection.Code);
            // Gzip sources are named without their ".gz" once unwrapped.
            Assert.Contains(Path.GetFileNameWithoutExtension(source.Name), rejection.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(outcome.Exception);
            Assert.NotEmpty(outcome.Articles);
            Assert.All(outcome.Articles, article => Assert.False(string.IsNullOrWhiteSpace(article.Title)));
        }
    }

    private (IReadOnlyList<NormalizedArticle> Articles, Exception? Exception) Outcome(SourceDocument source)
    {
        try
        {
            return (_normalizer.Normalize(source), null);
        }
        catch (Exception ex)
        {
            return ([], ex);
        }
    }
}
