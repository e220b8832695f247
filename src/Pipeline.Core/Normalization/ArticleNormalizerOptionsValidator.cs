using Microsoft.Extensions.Options;
using Pipeline.Core.Configuration;

namespace Pipeline.Core.Normalization;

/// <summary>Rejects <see cref="ArticleNormalizerOptions"/> that would refuse every upload, naming the setting.</summary>
internal sealed class ArticleNormalizerOptionsValidator : IValidateOptions<ArticleNormalizerOptions>
{
    public ValidateOptionsResult Validate(string? name, ArticleNormalizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SettingChecks(ArticleNormalizerOptions.SectionName)
            .AtLeast(nameof(ArticleNormalizerOptions.MaxSourceBytes), options.MaxSourceBytes, 1)
            .Result;
    }
}
