namespace Pipeline.Core.Normalization.Html;

/// <summary>Limits that keep one hostile or broken page from taking down ingestion. Bound from <c>Pipeline:Normalization:Html</c>.</summary>
public sealed class HtmlNormalizerOptions
{
    public const string SectionName = "Pipeline:Normalization:Html";

    /// <summary>
    /// Largest page accepted, in bytes; larger ones are rejected as <see cref="NormalizationErrorCode.TooLarge"/>.
    /// Real article pages are well under 2 MB even with inline scripts and styles.
    /// </summary>
    public int MaxSourceBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// Deepest element nesting accepted; deeper pages are rejected as <see cref="NormalizationErrorCode.Malformed"/>
    /// before parsing. 512 is where browsers (and AngleSharp) stop nesting; real pages stay well below 100.
    /// </summary>
    public int MaxNestingDepth { get; set; } = 512;

    /// <summary>
    /// Most elements accepted; pages with more are rejected as <see cref="NormalizationErrorCode.TooLarge"/> before
    /// parsing, because content extraction slows down more than linearly with the element count (80,000 take about
    /// half a minute). Real article pages have a few thousand; a long Reddit thread about 12,000.
    /// </summary>
    public int MaxElements { get; set; } = 50_000;
}
