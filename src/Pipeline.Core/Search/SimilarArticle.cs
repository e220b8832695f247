using System.Text.Json.Serialization;

namespace Pipeline.Core.Search;

/// <param name="SharedTerms">Why it is similar: the terms that drove the match.</param>
public sealed record SimilarArticle(string Id, string Title, double Score, IReadOnlyList<string> SharedTerms)
{
    /// <summary>The candidate's keyphrases, so callers can explain the match in the article's own terms.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Keyphrases { get; init; } = [];

    /// <summary>The candidate's SimHash, so callers can drop near-duplicates of the article.</summary>
    [JsonIgnore]
    public string? Fingerprint { get; init; }
}
