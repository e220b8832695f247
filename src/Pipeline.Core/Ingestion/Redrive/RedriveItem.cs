namespace Pipeline.Core.Ingestion.Redrive;

/// <summary>What a re-drive did with one record; reported as it happens.</summary>
/// <param name="Rejection">The record as it was before the re-drive.</param>
/// <param name="Outcome">What the new try did; null in a dry run, or when the try failed and the trigger would retry it.</param>
/// <param name="Error">Why the try failed, when it did.</param>
public sealed record RedriveItem(Rejection Rejection, IngestOutcome? Outcome, string? Error = null)
{
    /// <summary>True when the blob no longer needs a record: indexed now, or deleted meanwhile.</summary>
    public bool Resolved => Outcome is IngestOutcome.Indexed or IngestOutcome.Gone or IngestOutcome.Superseded;
}
