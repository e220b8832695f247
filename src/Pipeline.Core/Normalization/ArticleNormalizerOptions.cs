namespace Pipeline.Core.Normalization;

/// <summary>Limits for every source, whatever its format. Bound from <c>Pipeline:Normalization</c>.</summary>
public sealed class ArticleNormalizerOptions
{
    public const string SectionName = "Pipeline:Normalization";

    /// <summary>
    /// Largest source accepted, in bytes, both as uploaded and after gzip decompression; larger ones are rejected as
    /// <see cref="NormalizationErrorCode.TooLarge"/>. Formats may set lower limits of their own (HTML does).
    /// </summary>
    public long MaxSourceBytes { get; set; } = 200L * 1024 * 1024;
}
