using Pipeline.Core.Configuration;

namespace Pipeline.Core.Normalization.Json;

/// <summary>Rejects <see cref="JsonNormalizerOptions"/> that would refuse every upload, naming the setting.</summary>
internal sealed class JsonNormalizerOptionsValidator() : SettingsValidator<JsonNormalizerOptions>(JsonNormalizerOptions.SectionName)
{
    protected override void Check(JsonNormalizerOptions options, SettingChecks checks) => checks
        .AtLeast(nameof(options.MaxDepth), options.MaxDepth, 1)
        .AtLeast(nameof(options.MaxArticles), options.MaxArticles, 1);
}
