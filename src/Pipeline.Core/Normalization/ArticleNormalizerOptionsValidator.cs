using Pipeline.Core.Configuration;

namespace Pipeline.Core.Normalization;

/// <summary>Rejects <see cref="ArticleNormalizerOptions"/> that would refuse every upload, naming the setting.</summary>
internal sealed class ArticleNormalizerOptionsValidator() : SettingsValidator<ArticleNormalizerOptions>(ArticleNormalizerOptions.SectionName)
{
    protected override void Check(ArticleNormalizerOptions options, SettingChecks checks) => checks
        .AtLeast(nameof(options.MaxSourceBytes), options.MaxSourceBytes, 1);
}
