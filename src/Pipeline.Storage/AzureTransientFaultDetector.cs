using Azure;
using Pipeline.Core.Ingestion.Resilience;

namespace Pipeline.Storage;

/// <summary>
/// Azure SDK faults (storage and Azure AI Search alike): status 0 is a request that never got an answer (refused or
/// dropped connection, DNS), 408/429/5xx are the service's way of saying "later". The SDK has retried these already
/// by the time they surface, so they mean a real outage rather than a blip.
/// </summary>
public sealed class AzureTransientFaultDetector : ITransientFaultDetector
{
    public bool? IsTransient(Exception exception) => exception switch
    {
        RequestFailedException failed => TransientFaults.IsTransientStatus(failed.Status),
        _ => null,
    };
}
