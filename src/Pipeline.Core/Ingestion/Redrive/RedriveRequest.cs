namespace Pipeline.Core.Ingestion.Redrive;

/// <summary>Which rejection records a re-drive takes up.</summary>
/// <param name="Select">Picks the records to re-drive.</param>
/// <param name="DryRun">Only report what would be re-driven.</param>
public sealed record RedriveRequest(Func<Rejection, bool> Select, bool DryRun = false)
{
    public static RedriveRequest All(bool dryRun = false) => new(_ => true, dryRun);

    /// <summary>Records with this reason code (case-insensitive): a <c>NormalizationErrorCode</c> as JSON spells it (<c>tooLarge</c>), <c>parked</c> or <c>unavailable</c>.</summary>
    public static RedriveRequest WithReason(string reason, bool dryRun = false) =>
        new(rejection => RejectionReasons.Same(rejection.Reason, reason), dryRun);
}
