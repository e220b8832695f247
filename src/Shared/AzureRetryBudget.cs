using Azure.Core;
using Microsoft.Extensions.Configuration;

namespace Pipeline.Shared;

/// <summary>
/// The retry budget of every Azure SDK client the pipeline builds (storage, search): Azure.Core retries each call
/// (4 tries, 0.5 s doubling to at most 4 s, 30 s per try), and nothing above it retries the same call again. A
/// <c>Retry</c> section in configuration overrides any of it. Compiled into each project that builds a client
/// (linked source, like the Azure SDK's shared files), since Core may not carry Azure types.
/// </summary>
internal static class AzureRetryBudget
{
    /// <param name="section">The client's <c>…:Retry</c> configuration section; its values win over the defaults.</param>
    public static void Apply(RetryOptions retry, IConfiguration section)
    {
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = 3;
        retry.Delay = TimeSpan.FromMilliseconds(500);
        retry.MaxDelay = TimeSpan.FromSeconds(4);
        retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        section.Bind(retry);
    }
}
