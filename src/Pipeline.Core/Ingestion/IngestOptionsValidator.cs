using Pipeline.Core.Configuration;

namespace Pipeline.Core.Ingestion;

/// <summary>Rejects <see cref="IngestOptions"/> no host can run with, naming the setting (see <see cref="SettingChecks"/>).</summary>
internal sealed class IngestOptionsValidator() : SettingsValidator<IngestOptions>(IngestOptions.SectionName)
{
    protected override void Check(IngestOptions options, SettingChecks checks) => checks
        .AtLeast(nameof(options.MaxAttempts), options.MaxAttempts, 1)
        .AtLeast(nameof(options.MaxRetries), options.MaxRetries, 0)
        .NotNegative(nameof(options.InitialRetryDelay), options.InitialRetryDelay)
        .NotNegative(nameof(options.MaxRetryDelay), options.MaxRetryDelay)
        .NotNegative(nameof(options.StopGracePeriod), options.StopGracePeriod)
        .AtLeast(nameof(options.MaxConcurrency), options.MaxConcurrency, 1)
        .NotNegative(nameof(options.ReconcileInterval), options.ReconcileInterval)
        .NotNegative(nameof(options.ReconcileIntervalPerBlob), options.ReconcileIntervalPerBlob)
        .NotNegative(nameof(options.ReconcileGracePeriod), options.ReconcileGracePeriod)
        .AtLeast(nameof(options.MaxBlobBytes), options.MaxBlobBytes, 1)
        .AtLeast(nameof(options.MaxTextLength), options.MaxTextLength, 1);
}
