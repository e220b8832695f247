using System.Text.Json.Serialization;
using Pipeline.Core.Serialization;

namespace Pipeline.Core.Normalization;

/// <summary>Machine-readable reasons a source could not be normalized. Stable: they are recorded in rejections.</summary>
[JsonConverter(typeof(PipelineEnumConverter<NormalizationErrorCode>))]
public enum NormalizationErrorCode
{
    /// <summary>The source has no bytes, or only whitespace.</summary>
    Empty,

    /// <summary>The bytes are not text (an image, archive, PDF or other binary).</summary>
    Binary,

    /// <summary>The source decodes but holds no article text after cleanup.</summary>
    NoText,

    /// <summary>No title could be found.</summary>
    NoTitle,

    /// <summary>The source is larger than a configured limit.</summary>
    TooLarge,

    /// <summary>The source claims a structure (JSON, HTML) it does not have.</summary>
    Malformed,

    /// <summary>The format is not one Pipeline normalizes.</summary>
    UnsupportedFormat,
}
