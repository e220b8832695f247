using Microsoft.Extensions.Options;
using Pipeline.Core.Configuration;

namespace Pipeline.Core.Ingestion;

/// <summary>Rejects <see cref="IngestOptions"/> no host can run with, naming the setting (see <see cref="SettingChecks"/>).</summary>
internal sealed class IngestOptionsValidator : IValidateOptions<IngestOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SettingChecks(IngestOptions.SectionName)
            .AtLeast(nameof(IngestOptions.MaxAttempts), options.MaxAttempts, 1)
            .AtLeast(nameof(IngestOptions.MaxRetries), options.MaxRetries, 0)
            .NotNegative(nameof(IngestOptions.InitialRetryDelay), options.InitialRetryDelay)
            .NotNegative(nameof(IngestOptions.MaxRetryDelay), options.MaxRetryDelay)
            .NotNegative(nameof(IngestOptions.StopGracePeriod), options.StopGracePeriod)
            .AtLeast(nameof(IngestOptions.MaxConcurrency), options.MaxConcurrency, 1)
            .NotNegative(nameof(IngestOptions.ReconcileInterval), options.ReconcileInterval)
            .NotNegative(nameof(IngestOptions.ReconcileGracePeriod), options.ReconcileGracePeriod)
            .AtLeast(nameof(IngestOptions.MaxBlobBytes), options.MaxBlobBytes, 1)
            .AtLeast(nameof(IngestOptions.MaxTextLength), options.MaxTextLength, 1)
            .Result;
    }
}
