using Microsoft.Extensions.Options;

namespace Pipeline.Core.Configuration;

/// <summary>
/// Checks the values of one options section and names each bad one by its full configuration key, so a host with a
/// wrong setting stops at start with a message that says what to fix instead of quietly using some other value.
/// </summary>
/// <param name="sectionName">The section the options are bound from, such as <c>Pipeline:Ingest</c>.</param>
public sealed class SettingChecks(string sectionName)
{
    private readonly List<string> _failures = [];

    /// <summary>The failures so far, each a sentence naming its setting.</summary>
    public IReadOnlyList<string> Failures => _failures;

    /// <summary>The outcome for <see cref="IValidateOptions{TOptions}"/>.</summary>
    public ValidateOptionsResult Result => _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);

    public SettingChecks AtLeast(string setting, long value, long minimum)
    {
        if (value < minimum)
        {
            _failures.Add($"{sectionName}:{setting} must be at least {minimum} (was {value})");
        }

        return this;
    }

    public SettingChecks NotNegative(string setting, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            _failures.Add($"{sectionName}:{setting} must not be negative (was {value})");
        }

        return this;
    }
}
