namespace Pipeline.Core.Normalization.Json;

/// <summary>Limits of the JSON normalizer. Bound from <c>Pipeline:Normalization:Json</c>.</summary>
public sealed class JsonNormalizerOptions
{
    public const string SectionName = "Pipeline:Normalization:Json";

    /// <summary>The default <see cref="MaxDepth"/>; format detection reads this deep to tell deep JSON from broken text.</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>
    /// Deepest nesting accepted; deeper JSON is rejected as <see cref="NormalizationErrorCode.Malformed"/>. Article JSON
    /// is a few levels deep and JSON-LD graphs stay under ten.
    /// </summary>
    public int MaxDepth { get; set; } = DefaultMaxDepth;

    /// <summary>Most articles one upload may hold; more is <see cref="NormalizationErrorCode.TooLarge"/>.</summary>
    public int MaxArticles { get; set; } = 10_000;
}
