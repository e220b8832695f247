using Microsoft.Extensions.Options;
using Pipeline.Core.Configuration;

namespace Pipeline.LocalHost.Azurite;

/// <summary>Rejects <see cref="AzuriteOptions"/> Azurite cannot be started with, naming the setting.</summary>
internal sealed class AzuriteOptionsValidator : IValidateOptions<AzuriteOptions>
{
    public ValidateOptionsResult Validate(string? name, AzuriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SettingChecks(AzuriteOptions.SectionName)
            .NotEmpty(nameof(AzuriteOptions.Location), options.Location)

            // Zero would give up on a started Azurite before it could listen.
            .Positive(nameof(AzuriteOptions.StartTimeout), options.StartTimeout)
            .Result;
    }
}
