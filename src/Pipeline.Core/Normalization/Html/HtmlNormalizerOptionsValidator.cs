using Microsoft.Extensions.Options;
using Pipeline.Core.Configuration;

namespace Pipeline.Core.Normalization.Html;

/// <summary>Rejects <see cref="HtmlNormalizerOptions"/> that would refuse every page, naming the setting.</summary>
internal sealed class HtmlNormalizerOptionsValidator : IValidateOptions<HtmlNormalizerOptions>
{
    public ValidateOptionsResult Validate(string? name, HtmlNormalizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SettingChecks(HtmlNormalizerOptions.SectionName)
            .AtLeast(nameof(HtmlNormalizerOptions.MaxSourceBytes), options.MaxSourceBytes, 1)
            .AtLeast(nameof(HtmlNormalizerOptions.MaxNestingDepth), options.MaxNestingDepth, 1)
            .AtLeast(nameof(HtmlNormalizerOptions.MaxElements), options.MaxElements, 1)
            .Result;
    }
}
