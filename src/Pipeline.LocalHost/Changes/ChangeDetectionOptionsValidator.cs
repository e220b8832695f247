using Microsoft.Extensions.Options;
using Pipeline.Core.Configuration;

namespace Pipeline.LocalHost.Changes;

/// <summary>Rejects <see cref="ChangeDetectionOptions"/> the host cannot watch the container with, naming the setting.</summary>
internal sealed class ChangeDetectionOptionsValidator : IValidateOptions<ChangeDetectionOptions>
{
    public ValidateOptionsResult Validate(string? name, ChangeDetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var checks = new SettingChecks(ChangeDetectionOptions.SectionName);
        return checks
            .NotNegative(nameof(ChangeDetectionOptions.ScanIntervalPerBlob), options.ScanIntervalPerBlob)

            // Zero would list the container, or read the queue, in a busy loop.
            .Positive(nameof(ChangeDetectionOptions.MinScanInterval), options.MinScanInterval)
            .Positive(nameof(ChangeDetectionOptions.UploadQueuePollInterval), options.UploadQueuePollInterval)
            .Require(
                options.MaxScanInterval >= options.MinScanInterval,
                nameof(ChangeDetectionOptions.MaxScanInterval),
                $"must be at least {checks.Key(nameof(ChangeDetectionOptions.MinScanInterval))} ({options.MinScanInterval})",
                options.MaxScanInterval)
            .StorageName(nameof(ChangeDetectionOptions.UploadQueue), string.IsNullOrEmpty(options.UploadQueue) ? null : options.UploadQueue, "queue")
            .Result;
    }
}
