using Pipeline.Core.Normalization;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// Reason codes of <see cref="Rejection"/> records. Inputs that cannot be normalized carry their
/// <see cref="NormalizationErrorCode"/> name; failures from outside the blob carry one of the codes here.
/// </summary>
public static class RejectionReasons
{
    /// <summary>A try failed on a transient fault (storage or search unavailable, throttled); the trigger tries again.</summary>
    public const string Unavailable = "Unavailable";

    /// <summary>
    /// Tries kept failing on transient faults (or the trigger gave up on the blob) and it is no longer retried by the
    /// trigger; the reconcile pass re-drives it once the index answers again, and <c>pipeline redrive</c> can too.
    /// </summary>
    public const string Parked = "Parked";

    public static string Of(NormalizationErrorCode code) => code.ToString();

    public static bool IsTransient(string reason) =>
        string.Equals(reason, Unavailable, StringComparison.OrdinalIgnoreCase) || string.Equals(reason, Parked, StringComparison.OrdinalIgnoreCase);
}
