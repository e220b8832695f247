using Microsoft.Extensions.Options;
using Pipeline.Core.Configuration;

namespace Pipeline.Core.Normalization.Json;

/// <summary>Rejects <see cref="JsonNormalizerOptions"/> that would refuse every upload, naming the setting.</summary>
internal sealed class JsonNormalizerOptionsValidator : IValidateOptions<JsonNormalizerOptions>
{
    public ValidateOptionsResult Validate(string? name, JsonNormalizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SettingChecks(JsonNormalizerOptions.SectionName)
            .AtLeast(nameof(JsonNormalizerOptions.MaxDepth), options.MaxDepth, 1)
            .AtLeast(nameof(JsonNormalizerOptions.MaxArticles), options.MaxArticles, 1)
            .Result;
    }
}
