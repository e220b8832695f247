using Pipeline.Core.Configuration;

namespace Pipeline.LocalHost.Azurite;

/// <summary>Rejects <see cref="AzuriteOptions"/> Azurite cannot be started with, naming the setting.</summary>
internal sealed class AzuriteOptionsValidator() : SettingsValidator<AzuriteOptions>(AzuriteOptions.SectionName)
{
    protected override void Check(AzuriteOptions options, SettingChecks checks) => checks
        .NotEmpty(nameof(options.Location), options.Location)

        // Zero would give up on a started Azurite before it could listen.
        .Positive(nameof(options.StartTimeout), options.StartTimeout);
}
