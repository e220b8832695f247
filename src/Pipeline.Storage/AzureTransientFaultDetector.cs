using Azure;
using Pipeline.Core.Ingestion.Resilience;

namespace Pipeline.Storage;

/// <summary>
/// Azure SDK faults (storage and Azure AI Search alike): status 0 is a request that never got an answer (refused or
/// dropped connection, DNS), 408/429/5xx are the service's way of saying "later". The SDK has retried these already
/// by the time they surface (under the retry options each client is registered with), so they mean a real outage
/// rather than a blip, and are not retried again on top.
/// </summary>
public sealed class AzureTransientFaultDetector : ITransientFaultDetector
{
    public bool? IsTransient(Exception exception) => exception switch
    {
        RequestFailedException failed => TransientFaults.IsTransientStatus(failed.Status),
        _ => null,
    };

    /// <summary>
    /// Every fault that comes out of an Azure SDK call: a <see cref="RequestFailedException"/>, or the
    /// <see cref="AggregateException"/> Azure.Core throws when every try failed without an answer.
    /// </summary>
    public bool IsRetriedByClient(Exception exception) => exception switch
    {
        RequestFailedException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(inner => inner is RequestFailedException),
        _ => false,
    };
}
