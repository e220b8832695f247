using Pipeline.Core.Configuration;

namespace Pipeline.Core.Normalization.Html;

/// <summary>Rejects <see cref="HtmlNormalizerOptions"/> that would refuse every page, naming the setting.</summary>
internal sealed class HtmlNormalizerOptionsValidator() : SettingsValidator<HtmlNormalizerOptions>(HtmlNormalizerOptions.SectionName)
{
    protected override void Check(HtmlNormalizerOptions options, SettingChecks checks) => checks
        .AtLeast(nameof(options.MaxSourceBytes), options.MaxSourceBytes, 1)
        .AtLeast(nameof(options.MaxNestingDepth), options.MaxNestingDepth, 1)
        .AtLeast(nameof(options.MaxElements), options.MaxElements, 1);
}
