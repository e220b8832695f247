namespace Pipeline.Core.Related;

/// <summary>How related links are found. Bound from <c>Pipeline:Related</c>.</summary>
public sealed class RelatedArticlesOptions
{
    public const string SectionName = "Pipeline:Related";

    /// <summary>
    /// Titles the index is asked for per editorial headline. The wanted article is almost always the best title
    /// match; a few more leave room for a reworded headline that ranks below titles sharing its rarer words.
    /// </summary>
    public int TitleCandidates { get; set; } = 5;

    /// <summary>
    /// Least Dice similarity of content words (0 to 1) for a fuzzy headline match. At 0.7 a headline of four or more
    /// content words still resolves with one of them dropped, added or replaced, with two replaced only from seven
    /// words on, and one of three words may only be dropped: a wrong link is worse than one left as text.
    /// </summary>
    public double FuzzyTitleThreshold { get; set; } = 0.7;

    /// <summary>
    /// Largest SimHash distance (bits) at which a similar article counts as a version of the same story and is left
    /// out. On the BBC corpus a retitled copy is 0 bits away, a corrected typo 2, a shortened sentence 7, and
    /// different stories never closer than 13; 8 catches light edits with a margin to the nearest different story.
    /// </summary>
    public int NearDuplicateMaxDistance { get; set; } = 8;

    /// <summary>Similar articles asked for beyond the requested count, to make up for the near-duplicates left out.</summary>
    public int SimilarCandidateMargin { get; set; } = 5;
}
