namespace Pipeline.Core.Normalization;

/// <summary>Turns one uploaded source into clean articles.</summary>
public interface IArticleNormalizer
{
    /// <summary>
    /// Normalizes <paramref name="source"/>. Most sources hold one article; a JSON array holds several.
    /// </summary>
    /// <exception cref="NormalizationException">The source cannot be normalized; the exception says why.</exception>
    IReadOnlyList<NormalizedArticle> Normalize(SourceDocument source);
}
