namespace Pipeline.Bench.Relevance.Collections;

/// <summary>The four collections under <c>corpora/ir</c>, in report order.</summary>
internal static class IrCollections
{
    public static IReadOnlyList<TestCollection> LoadAll(string irDirectory) =>
    [
        TimeCollection.Load(Path.Combine(irDirectory, "time")),
        CisiCollection.Load(Path.Combine(irDirectory, "cisi")),
        MedCollection.Load(Path.Combine(irDirectory, "med")),
        CranfieldCollection.Load(Path.Combine(irDirectory, "cranfield")),
    ];
}
