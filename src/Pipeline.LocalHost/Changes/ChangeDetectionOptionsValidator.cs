using Pipeline.Core.Configuration;

namespace Pipeline.LocalHost.Changes;

/// <summary>Rejects <see cref="ChangeDetectionOptions"/> the host cannot watch the container with, naming the setting.</summary>
internal sealed class ChangeDetectionOptionsValidator() : SettingsValidator<ChangeDetectionOptions>(ChangeDetectionOptions.SectionName)
{
    protected override void Check(ChangeDetectionOptions options, SettingChecks checks) => checks
        .NotNegative(nameof(options.ScanIntervalPerBlob), options.ScanIntervalPerBlob)

        // Zero would list the container, or read the queue, in a busy loop.
        .Positive(nameof(options.MinScanInterval), options.MinScanInterval)
        .Positive(nameof(options.UploadQueuePollInterval), options.UploadQueuePollInterval)
        .Require(
            options.MaxScanInterval >= options.MinScanInterval,
            nameof(options.MaxScanInterval),
            $"must be at least {checks.Key(nameof(options.MinScanInterval))} ({options.MinScanInterval})",
            options.MaxScanInterval)
        .StorageName(nameof(options.UploadQueue), string.IsNullOrEmpty(options.UploadQueue) ? null : options.UploadQueue, "queue");
}
