using Pipeline.Cli.Soak.Inputs;

namespace Pipeline.Fuzzing.Tests.Soak;

public sealed class SoakInputsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"pipeline-soak-inputs-{Guid.NewGuid():N}");

    public SoakInputsTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "news"));
        File.WriteAllText(Path.Combine(_folder, "news", "a.txt"), "First article\n\nIts only paragraph, long enough to be one.\n");
        File.WriteAllText(Path.Combine(_folder, "news", "b.html"), "<html><head><title>Second</title></head><body><p>Text.</p></body></html>");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Hostile_inputs_come_first_then_hostile_names_then_the_corpus()
    {
        var inputs = SoakInputs.Generate(SeedCorpus.Load([Path.Combine(_folder, "news")]), 1_000, seed: 1, includeLarge: false).ToList();

        var fixedCount = HostileCorpus.Small.Count + (2 * HostileBlobNames.All.Count);
        Assert.All(inputs.Take(HostileCorpus.Small.Count), i => Assert.Equal(SoakInputs.HostileCategory, i.Category));
        Assert.All(inputs.Skip(HostileCorpus.Small.Count).Take(2 * HostileBlobNames.All.Count), i => Assert.Equal(SoakInputs.HostileNameCategory, i.Category));
        Assert.All(inputs.Skip(fixedCount), i => Assert.StartsWith("m", i.BlobName, StringComparison.Ordinal));
        Assert.Equal(1_000, inputs.Count);
    }

    [Fact]
    public void The_same_seed_gives_the_same_inputs_and_another_seed_other_ones()
    {
        var corpus = SeedCorpus.Load([Path.Combine(_folder, "news")]);

        var first = SoakInputs.Generate(corpus, 300, seed: 7, includeLarge: false).Select(i => (i.BlobName, i.Origin, Convert.ToHexString(i.Content()))).ToList();
        var again = SoakInputs.Generate(corpus, 300, seed: 7, includeLarge: false).Select(i => (i.BlobName, i.Origin, Convert.ToHexString(i.Content()))).ToList();
        var other = SoakInputs.Generate(corpus, 300, seed: 8, includeLarge: false).Select(i => i.Origin).ToList();

        Assert.Equal(first, again);
        Assert.NotEqual(first.Select(i => i.Origin), other);
    }

    [Fact]
    public void Blob_names_are_unique()
    {
        var names = SoakInputs.Generate(SeedCorpus.Load([_folder]), 2_000, seed: 3, includeLarge: false).Select(i => i.BlobName).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_missing_corpus_folder_is_reported()
    {
        Assert.Throws<DirectoryNotFoundException>(() => SeedCorpus.Load([Path.Combine(_folder, "missing")]));
    }
}
