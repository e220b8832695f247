using Microsoft.Extensions.Options;

namespace Pipeline.Core.Configuration;

/// <summary>
/// Validates one options section by stating its rules as <see cref="SettingChecks"/>, so every validator words its
/// failures the same way: the full configuration key, the rule, the bad value.
/// </summary>
/// <param name="sectionName">The section the options are bound from, such as <c>Pipeline:Ingest</c>; empty for top-level keys.</param>
public abstract class SettingsValidator<TOptions>(string sectionName) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options) => Run(options).Result;

    /// <summary>
    /// For settings read while the services are composed (they decide what is registered), where there is no start to
    /// wait for: throws what a failed start-up check throws.
    /// </summary>
    /// <exception cref="OptionsValidationException">A rule does not hold.</exception>
    public void ThrowIfInvalid(TOptions options)
    {
        var checks = Run(options);
        if (checks.Failures.Count > 0)
        {
            throw new OptionsValidationException(sectionName, typeof(TOptions), checks.Failures);
        }
    }

    /// <summary>States the rules of <paramref name="options"/> on <paramref name="checks"/>, which names the section.</summary>
    protected abstract void Check(TOptions options, SettingChecks checks);

    private SettingChecks Run(TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var checks = new SettingChecks(sectionName);
        Check(options, checks);
        return checks;
    }
}
