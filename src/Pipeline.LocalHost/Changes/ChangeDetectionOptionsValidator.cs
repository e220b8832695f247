using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Pipeline.Core.Configuration;

namespace Pipeline.LocalHost.Changes;

/// <summary>Rejects <see cref="ChangeDetectionOptions"/> the host cannot watch the container with, naming the setting.</summary>
internal sealed partial class ChangeDetectionOptionsValidator : IValidateOptions<ChangeDetectionOptions>
{
    public ValidateOptionsResult Validate(string? name, ChangeDetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Section = ChangeDetectionOptions.SectionName;
        var checks = new SettingChecks(Section)
            .NotNegative(nameof(ChangeDetectionOptions.ScanIntervalPerBlob), options.ScanIntervalPerBlob);
        var failures = new List<string>(checks.Failures);

        // Zero would list the container, or read the queue, in a busy loop.
        Positive(nameof(ChangeDetectionOptions.MinScanInterval), options.MinScanInterval);
        Positive(nameof(ChangeDetectionOptions.UploadQueuePollInterval), options.UploadQueuePollInterval);
        if (options.MaxScanInterval < options.MinScanInterval)
        {
            failures.Add($"{Section}:{nameof(ChangeDetectionOptions.MaxScanInterval)} must be at least {Section}:{nameof(ChangeDetectionOptions.MinScanInterval)} ({options.MinScanInterval}) (was {options.MaxScanInterval})");
        }

        if (!string.IsNullOrEmpty(options.UploadQueue) && !QueueName().IsMatch(options.UploadQueue))
        {
            failures.Add($"{Section}:{nameof(ChangeDetectionOptions.UploadQueue)} must be a storage queue name: 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit (was '{options.UploadQueue}')");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Positive(string setting, TimeSpan value)
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"{Section}:{setting} must be positive (was {value})");
            }
        }
    }

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex QueueName();
}
