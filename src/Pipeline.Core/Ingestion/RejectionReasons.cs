using Pipeline.Core.Normalization;
using Pipeline.Core.Serialization;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// Reason codes of <see cref="Rejection"/> records. Inputs that cannot be normalized carry their
/// <see cref="NormalizationErrorCode"/> name; failures from outside the blob carry one of the codes here.
/// </summary>
public static class RejectionReasons
{
    /// <summary>A try failed on a transient fault (storage or search unavailable, throttled); the trigger tries again.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>
    /// Tries kept failing on transient faults (or the trigger gave up on the blob) and it is no longer retried by the
    /// trigger; the reconcile pass re-drives it once the index answers again, and <c>pipeline redrive</c> can too.
    /// </summary>
    public const string Parked = "parked";

    /// <summary>The reason code of an input that cannot be normalized: its code as JSON spells it (<c>tooLarge</c>).</summary>
    public static string Of(NormalizationErrorCode code) => PipelineJson.NameOf(code);

    /// <summary>
    /// Whether two reason codes are the same. Case is ignored: records written before codes were camelCase say
    /// <c>Parked</c> and <c>TooLarge</c>.
    /// </summary>
    public static bool Same(string reason, string other) => string.Equals(reason, other, StringComparison.OrdinalIgnoreCase);

    public static bool IsTransient(string reason) => Same(reason, Unavailable) || Same(reason, Parked);
}
