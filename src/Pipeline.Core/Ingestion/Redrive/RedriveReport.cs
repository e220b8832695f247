namespace Pipeline.Core.Ingestion.Redrive;

/// <summary>The totals of one re-drive.</summary>
/// <param name="Selected">Records the request picked.</param>
/// <param name="Resolved">Blobs indexed now (or deleted meanwhile); their records are cleared.</param>
/// <param name="StillFailing">Blobs that failed again; their records count the new try.</param>
/// <param name="DryRun">Nothing was tried.</param>
public sealed record RedriveReport(int Selected, int Resolved, int StillFailing, bool DryRun);
