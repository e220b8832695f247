namespace Pipeline.Core.Ingestion.Resilience;

/// <summary>
/// Recognises the transient faults of one client library (Azure SDK status codes, for example), so Core can tell
/// "try again later" from "this input is broken" without depending on that library.
/// </summary>
public interface ITransientFaultDetector
{
    /// <summary>True when the fault is transient, false when it is known to be permanent, null when this detector cannot tell.</summary>
    bool? IsTransient(Exception exception);

    /// <summary>
    /// True when the client library has already retried this fault under its own retry budget (the Azure SDK's retry
    /// options), so <see cref="RetryPolicy"/> must not retry the call again: budgets would multiply.
    /// </summary>
    bool IsRetriedByClient(Exception exception) => false;
}
