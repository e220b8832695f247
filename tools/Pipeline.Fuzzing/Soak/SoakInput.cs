namespace Pipeline.Fuzzing.Soak;

/// <summary>One input of a soak run: the blob name it is ingested as, where it came from, and its bytes.</summary>
/// <param name="Origin">How the input was made ("hostile: 100,000 nested div elements", "ByteFlips of bbc/tech/001.txt").</param>
/// <param name="Category">What kind of input it is, for the report ("hostile", "ByteFlips", "hostile name").</param>
public sealed record SoakInput(string BlobName, string Origin, string Category, Func<byte[]> Content);
