using Azure.Core;
using Microsoft.Extensions.Configuration;
using Pipeline.Core.Configuration;

namespace Pipeline.Shared;

/// <summary>
/// The retry budget of every Azure SDK client the pipeline builds (storage, search): Azure.Core retries each call
/// (4 tries, 0.5 s doubling to at most 4 s, 30 s per try), and nothing above it retries the same call again. A
/// <c>Retry</c> section in configuration overrides any of it. Compiled into each project that builds a client
/// (linked source, like the Azure SDK's shared files), since Core may not carry Azure types.
/// </summary>
internal static class AzureRetryBudget
{
    /// <summary>Most retries a <c>Retry:MaxRetries</c> may ask for: beyond it a dependency that is down holds a blob for minutes.</summary>
    public const int MaxRetriesLimit = 10;

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

    /// <summary>Checks the retry options <paramref name="section"/> makes of <paramref name="retry"/> (a client's fresh options).</summary>
    public static void Check(RetryOptions retry, IConfigurationSection section, SettingChecks checks)
    {
        Apply(retry, section);
        checks.Section(section.Path)
            .Between(nameof(RetryOptions.MaxRetries), retry.MaxRetries, 0, MaxRetriesLimit)
            .Positive(nameof(RetryOptions.Delay), retry.Delay)
            .Require(retry.MaxDelay >= retry.Delay, nameof(RetryOptions.MaxDelay), $"must be at least {section.Path}:{nameof(RetryOptions.Delay)} ({retry.Delay})", retry.MaxDelay)
            .Positive(nameof(RetryOptions.NetworkTimeout), retry.NetworkTimeout)
            .Defined(nameof(RetryOptions.Mode), retry.Mode);
    }
}
