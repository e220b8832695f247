namespace Pipeline.Core.Normalization;

/// <summary>A source that cannot become an article, with a reason code callers can record and act on.</summary>
public sealed class NormalizationException : Exception
{
    public NormalizationException(NormalizationErrorCode code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    public NormalizationErrorCode Code { get; }
}
