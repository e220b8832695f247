using Pipeline.Core.Normalization;

namespace Pipeline.Fuzzing.Hostile;

/// <summary>What a hostile input must become: an article, or a rejection for one stated reason.</summary>
public sealed record ExpectedOutcome
{
    private ExpectedOutcome(NormalizationErrorCode? rejectedFor) => RejectedFor = rejectedFor;

    /// <summary>Null when the input must become at least one article.</summary>
    public NormalizationErrorCode? RejectedFor { get; }

    public static ExpectedOutcome Article { get; } = new((NormalizationErrorCode?)null);

    public static ExpectedOutcome Rejected(NormalizationErrorCode reason) => new(reason);

    public override string ToString() => RejectedFor is { } reason ? $"rejected as {reason}" : "an article";
}
