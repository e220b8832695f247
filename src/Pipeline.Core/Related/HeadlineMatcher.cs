namespace Pipeline.Core.Related;

/// <summary>One editorial headline, prepared once and compared with each candidate title.</summary>
/// <remarks>
/// <para>
/// A title matches exactly (confidence 1), or after normalization (<see cref="NormalizedConfidence"/>), or fuzzily:
/// by the Dice coefficient (Sørensen, 1948; Dice, 1945) of the two texts' content words, 2·|A∩B| / (|A|+|B|).
/// </para>
/// <para>
/// Words rather than characters, because the same headline in two places differs by words: a desk drops "Key",
/// swaps "Second" for "Opening", writes "Soar" for "Soars". Over content words (stop words out, plurals folded) such
/// an edit costs one word, whatever its length, and what is left to agree on is what the headline is about; a
/// character measure (trigrams, edit distance) instead rewards titles that share long names or common endings, and
/// counts a changed long word as many changes. Dice rather than Jaccard because it reads as the share of words the
/// two have in common, which makes the threshold easy to reason about (see
/// <see cref="RelatedArticlesOptions.FuzzyTitleThreshold"/>); the two rank pairs identically. Misspelled words are
/// the case this gives up: they count as replaced.
/// </para>
/// </remarks>
internal sealed class HeadlineMatcher
{
    /// <summary>Same words, different typography: nearly certain, but a reader could tell the two apart.</summary>
    public const double NormalizedConfidence = 0.9;

    /// <summary>A fuzzy match scores this times its Dice coefficient, so it always ranks below a normalized one.</summary>
    public const double FuzzyConfidenceCeiling = 0.85;

    private readonly string _exact;
    private readonly string _normalized;
    private readonly IReadOnlySet<string> _words;
    private readonly string? _language;
    private readonly double _fuzzyThreshold;

    /// <param name="language">The article's language, whose stop words are left out of fuzzy comparisons.</param>
    public HeadlineMatcher(string headline, string? language, double fuzzyThreshold)
    {
        ArgumentNullException.ThrowIfNull(headline);
        _exact = HeadlineText.Exact(headline);
        _normalized = HeadlineText.Normalized(headline);
        _words = HeadlineText.ContentWords(headline, language);
        _language = language;
        _fuzzyThreshold = fuzzyThreshold;
    }

    /// <returns>How <paramref name="title"/> matches the headline, or null when it does not.</returns>
    public TitleMatch? Match(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        if (_exact.Length > 0 && HeadlineText.Exact(title) == _exact)
        {
            return new TitleMatch(EditorialMatch.Exact, 1);
        }

        if (_normalized.Length > 0 && HeadlineText.Normalized(title) == _normalized)
        {
            return new TitleMatch(EditorialMatch.Normalized, NormalizedConfidence);
        }

        var dice = Dice(_words, HeadlineText.ContentWords(title, _language));
        return dice >= _fuzzyThreshold
            ? new TitleMatch(EditorialMatch.Fuzzy, Math.Round(FuzzyConfidenceCeiling * dice, 2))
            : null;
    }

    private static double Dice(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var common = a.Count(b.Contains);
        return 2.0 * common / (a.Count + b.Count);
    }
}

/// <param name="Confidence">From 0 to 1, as <see cref="EditorialLink.Confidence"/> reports it.</param>
internal readonly record struct TitleMatch(EditorialMatch Kind, double Confidence);
