using Pipeline.Core.Configuration;
using Pipeline.Core.Search;

namespace Pipeline.Core.Related;

/// <summary>Rejects <see cref="RelatedArticlesOptions"/> out of the range the index and SimHash allow, naming the setting.</summary>
internal sealed class RelatedArticlesOptionsValidator() : SettingsValidator<RelatedArticlesOptions>(RelatedArticlesOptions.SectionName)
{
    protected override void Check(RelatedArticlesOptions options, SettingChecks checks) => checks
        .Between(nameof(options.TitleCandidates), options.TitleCandidates, 1, SearchRequest.MaxTop)

        // Zero would take any title for the headline: a wrong link is worse than one left as text.
        .Require(options.FuzzyTitleThreshold is > 0 and <= 1, nameof(options.FuzzyTitleThreshold), "must be greater than 0 and at most 1", options.FuzzyTitleThreshold)
        .Between(nameof(options.NearDuplicateMaxDistance), options.NearDuplicateMaxDistance, 0, 64)
        .Between(nameof(options.SimilarCandidateMargin), options.SimilarCandidateMargin, 0, SearchRequest.MaxTop);
}
