using Pipeline.Core.Normalization;

namespace Pipeline.Fuzzing.Hostile;

/// <summary>
/// One hostile source and what ingest must make of it. Content is generated on demand, so the corpus lives in code
/// and the large inputs exist only while they are used.
/// </summary>
/// <param name="Name">The blob name the input is uploaded as; its extension is a format hint like any upload's.</param>
/// <param name="Description">What is hostile about it, for test names and reports.</param>
/// <param name="Expected">The outcome normalization must reach.</param>
/// <param name="Generate">Produces the bytes; called once per use.</param>
public sealed record HostileInput(string Name, string Description, ExpectedOutcome Expected, Func<byte[]> Generate)
{
    public SourceDocument ToSource() => new(Name, Generate(), ETag: "hostile");

    public override string ToString() => Description;
}
