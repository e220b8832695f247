using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Pipeline.Core.Configuration;

/// <summary>
/// Checks the values of one options section and names each bad one by its full configuration key, so a host with a
/// wrong setting stops at start with a message that says what to fix instead of quietly using some other value.
/// </summary>
public sealed partial class SettingChecks
{
    private readonly string _sectionName;
    private readonly List<string> _failures;

    /// <param name="sectionName">The section the options are bound from, such as <c>Pipeline:Ingest</c>; empty for top-level keys.</param>
    public SettingChecks(string sectionName)
        : this(sectionName, [])
    {
    }

    private SettingChecks(string sectionName, List<string> failures)
    {
        _sectionName = sectionName;
        _failures = failures;
    }

    /// <summary>The failures so far, each a sentence naming its setting.</summary>
    public IReadOnlyList<string> Failures => _failures;

    /// <summary>The outcome for <see cref="IValidateOptions{TOptions}"/>.</summary>
    public ValidateOptionsResult Result => _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);

    /// <summary>Checks of another section (a subsection such as <c>Pipeline:Storage:Retry</c>, or a top-level key) that add to these failures.</summary>
    public SettingChecks Section(string sectionName) => new(sectionName, _failures);

    /// <summary>The full configuration key of <paramref name="setting"/>.</summary>
    public string Key(string setting) => _sectionName.Length == 0 ? setting : $"{_sectionName}:{setting}";

    /// <summary>The general form of every check: unless <paramref name="holds"/>, "<c>{key} {rule} (was {value})</c>".</summary>
    public SettingChecks Require(bool holds, string setting, string rule, object? value)
    {
        if (!holds)
        {
            _failures.Add($"{Key(setting)} {rule} (was {Describe(value)})");
        }

        return this;
    }

    /// <summary>A failure whose value is not repeated, such as a connection string that may hold a key.</summary>
    public SettingChecks Reject(string setting, string rule)
    {
        _failures.Add($"{Key(setting)} {rule}");
        return this;
    }

    public SettingChecks AtLeast(string setting, long value, long minimum) =>
        Require(value >= minimum, setting, $"must be at least {minimum}", value);

    public SettingChecks Between(string setting, long value, long minimum, long maximum) =>
        Require(value >= minimum && value <= maximum, setting, $"must be between {minimum} and {maximum}", value);

    public SettingChecks NotNegative(string setting, TimeSpan value) =>
        Require(value >= TimeSpan.Zero, setting, "must not be negative", value);

    public SettingChecks Positive(string setting, TimeSpan value) =>
        Require(value > TimeSpan.Zero, setting, "must be positive", value);

    public SettingChecks NotEmpty(string setting, string? value) =>
        Require(!string.IsNullOrWhiteSpace(value), setting, "must not be empty", value);

    /// <summary>A defined member of <typeparamref name="TEnum"/>, such as a backend name, not a number the binder let through.</summary>
    public SettingChecks Defined<TEnum>(string setting, TEnum value)
        where TEnum : struct, Enum =>
        Require(Enum.IsDefined(value), setting, $"must be one of {string.Join(", ", Enum.GetNames<TEnum>())}", value);

    /// <summary>An absolute <c>http</c> or <c>https</c> URL, when one is given.</summary>
    public SettingChecks HttpUrl(string setting, string? value) =>
        Require(
            value is null || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)),
            setting,
            "must be an absolute http or https URL",
            value);

    /// <summary>A name Azure Storage accepts for a blob container or a queue (<paramref name="kind"/>; they share the rule), when one is given.</summary>
    public SettingChecks StorageName(string setting, string? value, string kind) =>
        Require(
            value is null || StorageNamePattern().IsMatch(value),
            setting,
            $"must be a storage {kind} name: 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit",
            value);

    private static string Describe(object? value) => value switch
    {
        null => "not set",
        string text => $"'{text}'",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex StorageNamePattern();
}
