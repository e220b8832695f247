using System.Text.Json.Serialization;

namespace Pipeline.Core.Search;

/// <summary>An article whose content is like another's.</summary>
/// <param name="Score">The backend's relevance score; comparable only within one response.</param>
/// <param name="SharedTerms">
/// Why it is similar. Backends give the other article's distinctive terms this one contains; the related-links
/// service replaces them with the keyphrases both articles share when there are any.
/// </param>
public sealed record SimilarArticle(string Id, string Title, double Score, IReadOnlyList<string> SharedTerms)
{
    /// <summary>The candidate's keyphrases, so callers can explain the match in the article's own terms.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Keyphrases { get; init; } = [];

    /// <summary>The candidate's SimHash, so callers can drop near-duplicates of the article.</summary>
    [JsonIgnore]
    public string? Fingerprint { get; init; }
}
