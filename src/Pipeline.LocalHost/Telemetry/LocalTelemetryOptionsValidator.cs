using Pipeline.Core.Configuration;

namespace Pipeline.LocalHost.Telemetry;

/// <summary>Rejects an OTLP endpoint that is not an absolute http or https URL, naming the key it came from.</summary>
/// <param name="configuration">Where <see cref="LocalTelemetryOptions.From"/> read the options.</param>
internal sealed class LocalTelemetryOptionsValidator(IConfiguration configuration) : SettingsValidator<LocalTelemetryOptions>(string.Empty)
{
    protected override void Check(LocalTelemetryOptions options, SettingChecks checks)
    {
        var ownKey = ConfigurationPath.Combine(LocalTelemetryOptions.SectionName, nameof(options.OtlpEndpoint));
        checks.HttpUrl(
            configuration[ownKey] is null ? LocalTelemetryOptions.OtlpEndpointKey : ownKey,
            string.IsNullOrWhiteSpace(options.OtlpEndpoint) ? null : options.OtlpEndpoint);
    }
}
