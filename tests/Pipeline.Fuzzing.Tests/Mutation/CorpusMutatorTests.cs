using System.Text;
using Pipeline.Cli.Soak.Inputs;

namespace Pipeline.Fuzzing.Tests.Mutation;

public sealed class CorpusMutatorTests
{
    private static readonly byte[] Page = Encoding.UTF8.GetBytes(
        "<html><head><title>Sea wall</title></head><body><article><h1>Sea wall</h1><p>The council voted.</p><p>Work starts in spring.</p></article></body></html>");

    private static readonly byte[] Other = Encoding.UTF8.GetBytes("Another article\n\nWith a paragraph of its own.\n");

    public static TheoryData<MutationKind> Kinds => [.. Enum.GetValues<MutationKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_same_seed_gives_the_same_mutation(MutationKind kind)
    {
        var first = new CorpusMutator(seed: 42).Apply(kind, Page, Other);
        var second = new CorpusMutator(seed: 42).Apply(kind, Page, Other);

        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_changes_the_file_for_most_seeds(MutationKind kind)
    {
        var changed = Enumerable.Range(0, 20).Count(seed => !new CorpusMutator(seed).Apply(kind, Page, Other).AsSpan().SequenceEqual(Page));

        Assert.True(changed >= 15, $"{kind} changed the file for {changed} of 20 seeds");
    }

    [Fact]
    public void Mutate_picks_kinds_from_its_seed()
    {
        var kinds = Enumerable.Range(0, 200).Select(seed => new CorpusMutator(seed).Mutate(Page, Other).Kind).ToHashSet();

        Assert.Equal(Enum.GetValues<MutationKind>().ToHashSet(), kinds);
    }

    [Fact]
    public void Mutating_nothing_gives_nothing_or_a_run()
    {
        foreach (var kind in Enum.GetValues<MutationKind>().Except([MutationKind.HugeRun, MutationKind.TagDuplication, MutationKind.Gzip, MutationKind.EncodingSwap, MutationKind.ControlCharacters, MutationKind.Splice]))
        {
            Assert.Empty(new CorpusMutator(1).Apply(kind, [], []));
        }
    }
}
