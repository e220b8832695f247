using Pipeline.Fuzzing.Hostile;
using Pipeline.Fuzzing.Mutation;

namespace Pipeline.Fuzzing.Soak;

/// <summary>
/// The inputs of a soak or fuzz run, in a fixed order for a given seed: the hostile corpus, a plain article under
/// every hostile blob name (and an empty one, so rejections are keyed by them too), optionally the large hostile
/// inputs, then real corpus files, one in ten as they are and the rest mutated, until <c>count</c> inputs.
/// </summary>
public static class SoakInputs
{
    public const string HostileCategory = "hostile";
    public const string HostileNameCategory = "hostile name";
    public const string OriginalCategory = "original";

    private const int OriginalEvery = 10;

    private static readonly MutationKind[] Kinds = Enum.GetValues<MutationKind>();

    public static IEnumerable<SoakInput> Generate(SeedCorpus corpus, int count, int seed, bool includeLarge)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Fixed(includeLarge).Concat(Mutations(corpus, seed)).Take(count);
    }

    private static IEnumerable<SoakInput> Fixed(bool includeLarge)
    {
        foreach (var input in HostileCorpus.Small)
        {
            yield return new SoakInput($"hostile/{input.Name}", $"hostile: {input.Description}", HostileCategory, input.Generate);
        }

        foreach (var name in HostileBlobNames.All)
        {
            yield return new SoakInput(name, "a plain article under a hostile blob name", HostileNameCategory, () => HostileCorpus.PlainArticle);
        }

        foreach (var name in HostileBlobNames.All)
        {
            yield return new SoakInput("rejected/" + name, "an empty blob under a hostile blob name", HostileNameCategory, () => []);
        }

        if (includeLarge)
        {
            foreach (var input in HostileCorpus.Large)
            {
                yield return new SoakInput($"hostile/{input.Name}", $"hostile: {input.Description}", HostileCategory, input.Generate);
            }
        }
    }

    private static IEnumerable<SoakInput> Mutations(SeedCorpus corpus, int seed)
    {
        if (corpus.Files.Count == 0)
        {
            yield break;
        }

        var random = new Random(seed);
        for (var index = 0; ; index++)
        {
            var file = corpus.Files[random.Next(corpus.Files.Count)];
            var other = corpus.Files[random.Next(corpus.Files.Count)];
            var inputSeed = random.Next();
            var name = $"m{index:D6}/{file.RelativePath}";
            if (index % OriginalEvery == 0)
            {
                yield return new SoakInput(name, $"{file.RelativePath} as it is", OriginalCategory, file.Read);
                continue;
            }

            var kind = Kinds[random.Next(Kinds.Length)];
            yield return new SoakInput(
                name,
                kind == MutationKind.Splice ? $"{kind} of {file.RelativePath} and {other.RelativePath} (seed {inputSeed})" : $"{kind} of {file.RelativePath} (seed {inputSeed})",
                kind.ToString(),
                () => new CorpusMutator(inputSeed).Apply(kind, file.Read(), kind == MutationKind.Splice ? other.Read() : []));
        }
    }
}
